package io.pmip.lma.bulk;

import io.pmip.lma.PmipTimestamp;
import io.pmip.persistence.CborSerializable;
import java.time.Instant;
import java.util.Optional;

/**
 * Facts about one bulk binding update group, journaled by {@link BulkGroupEntity}. None names a
 * member: a refresh of a group of any size is one {@link LeaseGranted}.
 */
public sealed interface BulkGroupEvent extends CborSerializable {
    GroupKey group();

    Instant at();

    /** RFC 6602 section 3.1: the first binding registered with this group identifier from this MAG. */
    record GroupCreated(GroupKey group, Instant at) implements BulkGroupEvent {
    }

    /**
     * RFC 6602 section 4.2: a bulk refresh; every binding in the group lives at least {@code until}.
     *
     * @param lifetimeSeconds the lifetime granted, {@code until - at}
     */
    record LeaseGranted(GroupKey group, Instant at, int lifetimeSeconds, Instant until, int sequence,
                        Optional<PmipTimestamp> timestamp) implements BulkGroupEvent {
    }

    /**
     * RFC 6602 section 4.2: a bulk de-registration; each member is de-registered as by RFC 5213
     * section 5.3.5, and the group is gone (a later bulk PBU for it gets status 175).
     */
    record GroupDeregistered(GroupKey group, Instant at, int sequence, Optional<PmipTimestamp> timestamp)
            implements BulkGroupEvent {
    }
}
