package io.pmip.mag;

import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.option.Timestamp;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One entry of the MAG's binding update list (RFC 5213 section 6.1).
 *
 * @param mobileNodeIdentifier MN-Identifier (NAI)
 * @param homeNetworkPrefixes as assigned by the LMA; empty until the first accepted PBA (or the
 *        prefixes brought by a handoff)
 * @param grantedLifetime lifetime of the last accepted PBA, zero before
 * @param lastSequence Sequence Number of the last PBU sent for this entry
 * @param lastTimestamp Timestamp option of the last PBU sent (RFC 5213 section 8.8)
 * @param lastSentAt wall-clock time of the last PBU sent
 * @param retransmissions retransmissions of the outstanding PBU (RFC 5213 section 6.9.4)
 * @param bulkGroup the Mobile Node Group Identifier this MAG chose (RFC 6602), if bulk is on
 * @param groupConfirmed the LMA echoed the group in its PBA, so bulk refresh may be used
 */
public record BindingUpdateListEntry(
        String mobileNodeIdentifier,
        Bytes linkLayerIdentifier,
        AccessTechnologyType accessTechnology,
        List<Ipv6Prefix> homeNetworkPrefixes,
        InetAddress lmaAddress,
        BindingState state,
        Duration grantedLifetime,
        int lastSequence,
        Timestamp lastTimestamp,
        Instant lastSentAt,
        int retransmissions,
        OptionalLong bulkGroup,
        boolean groupConfirmed) {

    public BindingUpdateListEntry {
        Objects.requireNonNull(mobileNodeIdentifier, "mobileNodeIdentifier");
        Objects.requireNonNull(linkLayerIdentifier, "linkLayerIdentifier");
        Objects.requireNonNull(accessTechnology, "accessTechnology");
        homeNetworkPrefixes = List.copyOf(homeNetworkPrefixes);
        Objects.requireNonNull(lmaAddress, "lmaAddress");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(grantedLifetime, "grantedLifetime");
        Objects.requireNonNull(bulkGroup, "bulkGroup");
    }

    static BindingUpdateListEntry fresh(String mnId, Bytes linkLayerId, AccessTechnologyType att,
            List<Ipv6Prefix> prefixes, InetAddress lma, OptionalLong group) {
        return new BindingUpdateListEntry(mnId, linkLayerId, att, prefixes, lma, BindingState.REGISTERING,
                Duration.ZERO, 0, null, null, 0, group, false);
    }

    BindingUpdateListEntry sent(int sequence, Timestamp timestamp, Instant at, int retransmitted) {
        return new BindingUpdateListEntry(mobileNodeIdentifier, linkLayerIdentifier, accessTechnology,
                homeNetworkPrefixes, lmaAddress, state, grantedLifetime, sequence, timestamp, at, retransmitted,
                bulkGroup, groupConfirmed);
    }

    BindingUpdateListEntry registered(List<Ipv6Prefix> prefixes, Duration lifetime, boolean confirmed) {
        return new BindingUpdateListEntry(mobileNodeIdentifier, linkLayerIdentifier, accessTechnology, prefixes,
                lmaAddress, BindingState.REGISTERED, lifetime, lastSequence, lastTimestamp, lastSentAt, 0, bulkGroup,
                confirmed);
    }

    BindingUpdateListEntry inState(BindingState newState) {
        return new BindingUpdateListEntry(mobileNodeIdentifier, linkLayerIdentifier, accessTechnology,
                homeNetworkPrefixes, lmaAddress, newState, grantedLifetime, lastSequence, lastTimestamp, lastSentAt,
                retransmissions, bulkGroup, groupConfirmed);
    }

    BindingUpdateListEntry withGroup(OptionalLong group, boolean confirmed) {
        return new BindingUpdateListEntry(mobileNodeIdentifier, linkLayerIdentifier, accessTechnology,
                homeNetworkPrefixes, lmaAddress, state, grantedLifetime, lastSequence, lastTimestamp, lastSentAt,
                retransmissions, group, confirmed);
    }

    BindingUpdateListEntry withLmaAddress(InetAddress lma) {
        return new BindingUpdateListEntry(mobileNodeIdentifier, linkLayerIdentifier, accessTechnology,
                homeNetworkPrefixes, lma, state, grantedLifetime, lastSequence, lastTimestamp, lastSentAt,
                retransmissions, bulkGroup, groupConfirmed);
    }

    /** In a group the LMA accepted, so the group's bulk PBU refreshes it. */
    boolean refreshedInBulk() {
        return bulkGroup.isPresent() && groupConfirmed;
    }
}
