package io.pmip.lma;

import io.pmip.protocol.mh.BindingAckStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** RFC 5213 section 5.5: Timestamp-based ordering, or Sequence-number ordering for MAGs without it. */
final class MessageOrdering {

    private MessageOrdering() {
    }

    /** RFC 5213 section 5.5: the timestamp must lie within TimestampValidityWindow of the LMA clock. */
    static Optional<PbaDecision> checkClock(PbuRequest pbu, Instant now, Duration window) {
        if (pbu.timestamp().isEmpty()) {
            return Optional.empty();
        }
        Duration skew = Duration.between(pbu.timestamp().get().toInstant(), now).abs();
        if (skew.compareTo(window) > 0) {
            // RFC 5213 section 5.3.6: on TIMESTAMP_MISMATCH the PBA carries the LMA's current time.
            return Optional.of(PbaDecision.reject(pbu, BindingAckStatus.TIMESTAMP_MISMATCH,
                    "timestamp off the LMA clock by " + skew.toMillis() + " ms").withTimestamp(PmipTimestamp.of(now)));
        }
        return Optional.empty();
    }

    /** Orders the PBU against the last one accepted for the session it concerns. */
    static Optional<PbaDecision> checkAgainst(MobilitySession session, PbuRequest pbu) {
        if (pbu.timestamp().isPresent()) {
            // RFC 5213 section 5.5: the timestamp must be greater than every one accepted before.
            Optional<PmipTimestamp> last = session.lastTimestamp();
            if (last.isPresent() && pbu.timestamp().get().compareTo(last.get()) <= 0) {
                return Optional.of(PbaDecision.reject(pbu, BindingAckStatus.TIMESTAMP_LOWER_THAN_PREV_ACCEPTED,
                        "timestamp not after the last accepted one"));
            }
            return Optional.empty();
        }
        // RFC 5213 section 5.5: a new MAG counts from its own sequence, so numbers only order one MAG's PBUs.
        if (!session.servingMag().equals(pbu.servingMag())) {
            return Optional.empty();
        }
        // RFC 6275 section 9.5.1: the sequence must be greater, modulo 2^16, than the last accepted.
        int ahead = (pbu.sequence() - session.lastSequence()) & 0xffff;
        if (ahead == 0 || ahead >= 0x8000) {
            // RFC 6275 section 9.5.1: the acknowledgement carries the last accepted sequence number.
            return Optional.of(PbaDecision.reject(pbu, BindingAckStatus.SEQUENCE_NUMBER_OUT_OF_WINDOW,
                    "sequence " + pbu.sequence() + " not after " + session.lastSequence())
                    .withSequence(session.lastSequence()));
        }
        return Optional.empty();
    }
}
