package io.pmip.lma.bulk;

import io.pmip.lma.PmipTimestamp;
import io.pmip.persistence.CborSerializable;
import io.pmip.protocol.mh.BindingAckStatus;
import java.util.Optional;

/**
 * A group's answer to one {@link BulkRequest}: what the Proxy Binding Acknowledgement to the bulk
 * PBU carries (RFC 6602 section 5.3).
 *
 * @param status          PBA Status
 * @param group           the group the PBU named
 * @param lifetimeSeconds the lease granted to the whole group (0 on rejection and de-registration)
 * @param sequence        the PBU's Sequence #, or the last accepted one on status 135
 * @param timestamp       the PBU's Timestamp, or the LMA's clock on TIMESTAMP_MISMATCH
 * @param detail          why, in words, for logs (never sent)
 */
public record BulkDecision(BindingAckStatus status, GroupKey group, int lifetimeSeconds, int sequence,
                           Optional<PmipTimestamp> timestamp, String detail) implements CborSerializable {

    public boolean accepted() {
        return status.isAccepted();
    }

    static BulkDecision accept(BulkRequest request, int lifetimeGranted, String detail) {
        return new BulkDecision(BindingAckStatus.ACCEPTED, request.group(), lifetimeGranted, request.sequence(),
                request.timestamp(), detail);
    }

    static BulkDecision reject(BulkRequest request, BindingAckStatus status, String detail) {
        return new BulkDecision(status, request.group(), 0, request.sequence(), request.timestamp(), detail);
    }
}
