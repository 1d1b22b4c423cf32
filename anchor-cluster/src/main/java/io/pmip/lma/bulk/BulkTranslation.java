package io.pmip.lma.bulk;

import io.pmip.lma.PmipTimestamp;
import io.pmip.lma.signaling.PbuTranslation;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.Timestamp;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Between the wire and a group: a validated bulk {@link ProxyBindingUpdate} becomes a
 * {@link BulkRequest}, a {@link BulkDecision} becomes the acknowledgement.
 */
public final class BulkTranslation {
    private BulkTranslation() {
    }

    /**
     * The request for a bulk PBU that passed validation (exactly one Mobile Node Group Identifier
     * option of sub-type 1). Per-mobile-node options, if a MAG sent any, do not apply to a group
     * (RFC 6602 section 5.2) and are not read.
     */
    public static BulkRequest toRequest(ProxyBindingUpdate pbu, InetAddress servingMag, InetAddress lmaAddress) {
        long group = pbu.option(MobileNodeGroupIdentifier.class).orElseThrow(
                () -> new IllegalArgumentException("bulk PBU without a Mobile Node Group Identifier option"))
                .groupIdentifier();
        return new BulkRequest(new GroupKey(servingMag.getHostAddress(), group), lmaAddress.getHostAddress(),
                (int) pbu.lifetimeSeconds(), pbu.sequence(),
                pbu.option(Timestamp.class).map(t -> new PmipTimestamp(t.value())));
    }

    /**
     * RFC 6602 section 5.3: the PBA to a bulk PBU has the B flag set and names the group with the
     * Mobile Node Group Identifier option; no per-mobile-node option, since it answers for the whole
     * group. The Timestamp is echoed (RFC 5213 section 5.3.6), or the LMA's time on status 156.
     */
    public static ProxyBindingAcknowledgement acknowledgement(BulkDecision decision) {
        List<MobilityOption> options = new ArrayList<>();
        options.add(MobileNodeGroupIdentifier.bulkBindingUpdateGroup(decision.group().groupIdentifier()));
        decision.timestamp().ifPresent(t -> options.add(new Timestamp(t.value())));
        return ProxyBindingAcknowledgement.fromFlags(decision.status().code(),
                ProxyBindingAcknowledgement.FLAG_P | ProxyBindingAcknowledgement.FLAG_B, decision.sequence(),
                PbuTranslation.lifetimeUnits(decision.lifetimeSeconds()), options);
    }

    /** A bulk PBU refused before any group is asked (e.g. 175 for a missing or wrong group option). */
    public static ProxyBindingAcknowledgement rejection(ProxyBindingUpdate pbu, BindingAckStatus status) {
        List<MobilityOption> options = new ArrayList<>(pbu.optionsOf(MobileNodeGroupIdentifier.class));
        options.addAll(pbu.optionsOf(Timestamp.class));
        return ProxyBindingAcknowledgement.fromFlags(status.code(),
                ProxyBindingAcknowledgement.FLAG_P | ProxyBindingAcknowledgement.FLAG_B, pbu.sequence(), 0, options);
    }
}
