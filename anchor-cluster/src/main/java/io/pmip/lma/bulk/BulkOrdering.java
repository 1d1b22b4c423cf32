package io.pmip.lma.bulk;

import io.pmip.lma.PmipTimestamp;
import io.pmip.protocol.mh.BindingAckStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * RFC 5213 section 5.5 message ordering applied to a group's bulk PBUs: they come from one MAG, so
 * they are ordered against the last bulk PBU the group accepted.
 */
final class BulkOrdering {
    private BulkOrdering() {
    }

    static Optional<BulkDecision> check(BulkGroupState state, BulkRequest request, Instant now, Duration window) {
        if (request.timestamp().isPresent()) {
            PmipTimestamp timestamp = request.timestamp().get();
            Duration skew = Duration.between(timestamp.toInstant(), now).abs();
            if (skew.compareTo(window) > 0) {
                // RFC 5213 section 5.3.6: on TIMESTAMP_MISMATCH the PBA carries the LMA's current time.
                return Optional.of(new BulkDecision(BindingAckStatus.TIMESTAMP_MISMATCH, request.group(), 0,
                        request.sequence(), Optional.of(PmipTimestamp.of(now)),
                        "timestamp off the LMA clock by " + skew.toMillis() + " ms"));
            }
            if (state.lastTimestamp().isPresent() && timestamp.compareTo(state.lastTimestamp().get()) <= 0) {
                return Optional.of(BulkDecision.reject(request, BindingAckStatus.TIMESTAMP_LOWER_THAN_PREV_ACCEPTED,
                        "timestamp not after the last accepted bulk PBU"));
            }
            return Optional.empty();
        }
        OptionalInt last = state.lastSequence();
        if (last.isEmpty()) {
            return Optional.empty();
        }
        // RFC 6275 section 9.5.1: the sequence must be greater, modulo 2^16, than the last accepted.
        int ahead = (request.sequence() - last.getAsInt()) & 0xffff;
        if (ahead == 0 || ahead >= 0x8000) {
            return Optional.of(new BulkDecision(BindingAckStatus.SEQUENCE_NUMBER_OUT_OF_WINDOW, request.group(), 0,
                    last.getAsInt(), request.timestamp(),
                    "sequence " + request.sequence() + " not after " + last.getAsInt()));
        }
        return Optional.empty();
    }
}
