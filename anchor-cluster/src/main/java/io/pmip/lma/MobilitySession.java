package io.pmip.lma;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.pmip.persistence.CborSerializable;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One mobility session of a mobile node: the Binding Cache entry of RFC 5213 section 5.1 for one
 * attached interface. Several sessions per mobile node are multi-homing (section 5.4).
 *
 * @param sessionKey           stable name of the session inside its mobile node ("if-0", "if-1", ...)
 * @param homeNetworkPrefixes  the prefixes assigned to this interface
 * @param prefixPool           the pool the prefixes came from; empty for static prefixes
 * @param servingMag           Proxy-CoA of the MAG serving the interface
 * @param lmaAddress           LMA address the MAG registered with
 * @param accessTechnology     access technology of the attachment
 * @param linkLayerId          MN link-layer identifier (hex), if the MAG reported one
 * @param handoffIndicator     the Handoff Indicator of the last accepted PBU
 * @param lastTimestamp        Timestamp of the last accepted PBU (section 5.5)
 * @param lastSequence         Sequence # of the last accepted PBU
 * @param lifetimeSeconds      lifetime granted by the last acceptance
 * @param registeredAt         when the session was created
 * @param updatedAt            when the last PBU was accepted
 * @param expiresAt            when the lifetime runs out
 * @param deleteAt             set once de-registered: when MinDelayBeforeBCEDelete ends (5.3.5)
 * @param bulkGroupId          RFC 6602 Mobile Node Group Identifier the serving MAG refreshes it with
 */
public record MobilitySession(
        String sessionKey,
        List<Ipv6Prefix> homeNetworkPrefixes,
        Optional<String> prefixPool,
        String servingMag,
        String lmaAddress,
        AccessTechnologyType accessTechnology,
        Optional<String> linkLayerId,
        HandoffIndicator handoffIndicator,
        Optional<PmipTimestamp> lastTimestamp,
        int lastSequence,
        int lifetimeSeconds,
        Instant registeredAt,
        Instant updatedAt,
        Instant expiresAt,
        Optional<Instant> deleteAt,
        OptionalLong bulkGroupId) implements CborSerializable {

    public MobilitySession {
        homeNetworkPrefixes = List.copyOf(homeNetworkPrefixes);
        // One session is held in memory per registered mobile node; these few values repeat across
        // thousands of them (the JVM's string table is weak, so interning does not pin them).
        sessionKey = sessionKey.intern();
        servingMag = servingMag.intern();
        lmaAddress = lmaAddress.intern();
    }

    /** De-registered and waiting out MinDelayBeforeBCEDelete (RFC 5213 section 5.3.5). */
    @JsonIgnore // derived, not journaled
    public boolean isDeregistered() {
        return deleteAt.isPresent();
    }

    /** The next instant at which the session must be looked at again: deletion or expiry. */
    public Instant nextDeadline() {
        return deleteAt.orElse(expiresAt);
    }

    public boolean hasPrefixSet(List<Ipv6Prefix> prefixes) {
        return new java.util.HashSet<>(homeNetworkPrefixes).equals(new java.util.HashSet<>(prefixes));
    }

    public boolean sharesAnyPrefix(List<Ipv6Prefix> prefixes) {
        return prefixes.stream().anyMatch(homeNetworkPrefixes::contains);
    }
}
