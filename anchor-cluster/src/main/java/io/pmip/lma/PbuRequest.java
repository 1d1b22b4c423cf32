package io.pmip.lma;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.pmip.persistence.CborSerializable;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the signaling ingress hands the binding entity for one received Proxy Binding Update (RFC
 * 5213 section 6.9.1.1), independent of the wire model. An option that was absent on the wire is an
 * empty Optional (or an empty prefix list) so the entity can answer the RFC's MISSING_* statuses.
 *
 * @param mnId                 MN-Identifier option (RFC 4283), e.g. an NAI; the entity key
 * @param servingMag           Proxy-CoA: the source address of the PBU (or its Alternate-CoA)
 * @param lmaAddress           the LMA address the PBU was sent to (anycast or unicast)
 * @param homeNetworkPrefixes  Home Network Prefix options; {@link Ipv6Prefix#UNSPECIFIED} asks for
 *                             assignment; empty means the option was missing
 * @param handoffIndicator     Handoff Indicator option
 * @param accessTechnology     Access Technology Type option
 * @param linkLayerId          MN Link-layer Identifier option as lower-case hex, if present
 * @param timestamp            Timestamp option, if present (section 5.5)
 * @param sequence             Sequence # of the PBU (16 bits)
 * @param lifetimeSeconds      requested lifetime in seconds (wire units of 4 s already converted); 0 =
 *                             de-registration
 * @param acknowledgeRequested the A flag
 * @param bulkGroupId          Mobile Node Group Identifier (RFC 6602), if the MAG groups bindings
 */
public record PbuRequest(
        String mnId,
        String servingMag,
        String lmaAddress,
        List<Ipv6Prefix> homeNetworkPrefixes,
        Optional<HandoffIndicator> handoffIndicator,
        Optional<AccessTechnologyType> accessTechnology,
        Optional<String> linkLayerId,
        Optional<PmipTimestamp> timestamp,
        int sequence,
        int lifetimeSeconds,
        boolean acknowledgeRequested,
        OptionalLong bulkGroupId) implements CborSerializable {

    public PbuRequest {
        Objects.requireNonNull(mnId, "mnId");
        servingMag = Addresses.canonical(servingMag);
        lmaAddress = Addresses.canonical(lmaAddress);
        homeNetworkPrefixes = List.copyOf(homeNetworkPrefixes);
        Objects.requireNonNull(handoffIndicator, "handoffIndicator");
        Objects.requireNonNull(accessTechnology, "accessTechnology");
        linkLayerId = linkLayerId.map(s -> s.toLowerCase(java.util.Locale.ROOT));
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(bulkGroupId, "bulkGroupId");
        if (sequence < 0 || sequence > 0xffff) {
            throw new IllegalArgumentException("sequence must be 16 bits: " + sequence);
        }
        if (lifetimeSeconds < 0) {
            throw new IllegalArgumentException("lifetime must not be negative: " + lifetimeSeconds);
        }
    }

    /** RFC 5213 section 5.3.5: a lifetime of zero asks for de-registration. */
    @JsonIgnore // derived, not journaled
    public boolean isDeregistration() {
        return lifetimeSeconds == 0;
    }

    /** The prefixes the MAG names explicitly (section 5.4.1.1); empty when it asks for assignment. */
    public List<Ipv6Prefix> specificPrefixes() {
        return homeNetworkPrefixes.stream().filter(p -> !p.isUnspecified()).toList();
    }
}
