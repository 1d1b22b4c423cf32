package io.pmip.lma.bulk;

import io.pmip.lma.PmipTimestamp;
import io.pmip.persistence.CborSerializable;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a group entity journals about its group: whether the group exists, and its lease.
 *
 * @param createdAt     present while the group exists (from its first member to a bulk de-registration)
 * @param leaseUntil    the end of the last bulk refresh's lease, if any
 * @param lastSequence  Sequence # of the last accepted bulk PBU
 * @param lastTimestamp Timestamp of the last accepted bulk PBU (RFC 5213 section 5.5)
 */
public record BulkGroupState(Optional<Instant> createdAt, Optional<Instant> leaseUntil, OptionalInt lastSequence,
                             Optional<PmipTimestamp> lastTimestamp) implements CborSerializable {

    public static final BulkGroupState UNKNOWN = new BulkGroupState(Optional.empty(), Optional.empty(),
            OptionalInt.empty(), Optional.empty());

    public boolean exists() {
        return createdAt.isPresent();
    }

    /** The lease end if it is still running at {@code now}. */
    public Optional<Instant> leaseAt(Instant now) {
        return leaseUntil.filter(now::isBefore);
    }

    public BulkGroupState apply(BulkGroupEvent event) {
        if (event instanceof BulkGroupEvent.GroupCreated e) {
            return new BulkGroupState(Optional.of(e.at()), Optional.empty(), OptionalInt.empty(), Optional.empty());
        }
        if (event instanceof BulkGroupEvent.LeaseGranted e) {
            return new BulkGroupState(createdAt, Optional.of(e.until()), OptionalInt.of(e.sequence()),
                    e.timestamp().or(() -> lastTimestamp));
        }
        return UNKNOWN; // GroupDeregistered
    }
}
