package io.pmip.lma;

import io.pmip.persistence.CborSerializable;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.HandoffIndicator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The binding entity's answer to one {@link PbuRequest}: everything the Proxy Binding
 * Acknowledgement must carry (RFC 5213 section 5.3.6), for the ingress to encode and send to
 * {@code servingMag}.
 *
 * @param status              PBA Status
 * @param mnId                MN-Identifier option, copied from the PBU
 * @param servingMag          where the PBA goes (the PBU's Proxy-CoA)
 * @param lmaAddress          source address for the PBA
 * @param homeNetworkPrefixes accepted: the prefixes of the mobility session; rejected: the PBU's own
 * @param lifetimeSeconds     lifetime granted (0 on rejection and de-registration)
 * @param sequence            the PBU's Sequence #, or the last accepted one on status 135
 * @param timestamp           the PBU's Timestamp, or the LMA's clock on TIMESTAMP_MISMATCH
 * @param handoffIndicator    copied from the PBU
 * @param accessTechnology    copied from the PBU
 * @param linkLayerId         copied from the PBU
 * @param bulkGroupId         copied from the PBU
 * @param acknowledge         false when the RFC says to ignore the PBU: the ingress sends no PBA at all
 * @param detail              why, in words, for logs and counters (never sent)
 */
public record PbaDecision(
        BindingAckStatus status,
        String mnId,
        String servingMag,
        String lmaAddress,
        List<Ipv6Prefix> homeNetworkPrefixes,
        int lifetimeSeconds,
        int sequence,
        Optional<PmipTimestamp> timestamp,
        Optional<HandoffIndicator> handoffIndicator,
        Optional<AccessTechnologyType> accessTechnology,
        Optional<String> linkLayerId,
        OptionalLong bulkGroupId,
        boolean acknowledge,
        String detail) implements CborSerializable {

    public PbaDecision {
        homeNetworkPrefixes = List.copyOf(homeNetworkPrefixes);
    }

    public boolean accepted() {
        return status.isAccepted();
    }

    /** RFC 5213 section 5.3.6: a rejection echoes the PBU's options and grants no lifetime. */
    public static PbaDecision reject(PbuRequest pbu, BindingAckStatus status, String detail) {
        return new PbaDecision(status, pbu.mnId(), pbu.servingMag(), pbu.lmaAddress(), pbu.homeNetworkPrefixes(), 0,
                pbu.sequence(), pbu.timestamp(), pbu.handoffIndicator(), pbu.accessTechnology(), pbu.linkLayerId(),
                pbu.bulkGroupId(), true, detail);
    }

    /** RFC 5213 section 5.3.6: an acceptance carries the session's prefixes and the lifetime granted. */
    public static PbaDecision accept(PbuRequest pbu, List<Ipv6Prefix> prefixes, int lifetimeGranted, String detail) {
        return new PbaDecision(BindingAckStatus.ACCEPTED, pbu.mnId(), pbu.servingMag(), pbu.lmaAddress(), prefixes,
                lifetimeGranted, pbu.sequence(), pbu.timestamp(), pbu.handoffIndicator(), pbu.accessTechnology(),
                pbu.linkLayerId(), pbu.bulkGroupId(), true, detail);
    }

    /** The PBU is dropped without an answer; status and fields only describe it for logs. */
    public static PbaDecision ignore(PbuRequest pbu, String detail) {
        PbaDecision d = accept(pbu, pbu.homeNetworkPrefixes(), 0, detail);
        return new PbaDecision(d.status, d.mnId, d.servingMag, d.lmaAddress, d.homeNetworkPrefixes, 0, d.sequence,
                d.timestamp, d.handoffIndicator, d.accessTechnology, d.linkLayerId, d.bulkGroupId, false, detail);
    }

    public PbaDecision withSequence(int lastAccepted) {
        return new PbaDecision(status, mnId, servingMag, lmaAddress, homeNetworkPrefixes, lifetimeSeconds,
                lastAccepted, timestamp, handoffIndicator, accessTechnology, linkLayerId, bulkGroupId, acknowledge,
                detail);
    }

    public PbaDecision withTimestamp(PmipTimestamp lmaTime) {
        return new PbaDecision(status, mnId, servingMag, lmaAddress, homeNetworkPrefixes, lifetimeSeconds, sequence,
                Optional.of(lmaTime), handoffIndicator, accessTechnology, linkLayerId, bulkGroupId, acknowledge, detail);
    }
}
