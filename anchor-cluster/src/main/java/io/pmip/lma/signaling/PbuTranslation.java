package io.pmip.lma.signaling;

import io.pmip.lma.PbaDecision;
import io.pmip.lma.PbuRequest;
import io.pmip.lma.PmipTimestamp;
import io.pmip.protocol.Bytes;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobileNodeLinkLayerIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.Timestamp;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Between the wire model and the binding entity: a decoded {@link ProxyBindingUpdate} becomes a
 * {@link PbuRequest}, a {@link PbaDecision} becomes a {@link ProxyBindingAcknowledgement}.
 */
public final class PbuTranslation {
    /** The Lifetime field: 16 bits of 4-second units (RFC 6275 section 6.1.7). */
    static final int MAX_LIFETIME_UNITS = 0xffff;

    private PbuTranslation() {
    }

    /** An option value the LMA cannot map; answered with REASON_UNSPECIFIED. */
    public static final class UntranslatableException extends Exception {
        private static final long serialVersionUID = 1L;

        UntranslatableException(String message) {
            super(message);
        }
    }

    /**
     * The request for a PBU that passed validation. {@code servingMag} is the PBU's source address
     * (RFC 5213 section 5.3.1: the Proxy-CoA is the source of the PBU), {@code lmaAddress} the
     * address it was sent to.
     *
     * @throws UntranslatableException for an unassigned Handoff Indicator or Access Technology Type
     * @throws IllegalArgumentException from {@link PbuRequest} (an address it cannot canonicalize)
     */
    public static PbuRequest toRequest(ProxyBindingUpdate pbu, InetAddress servingMag, InetAddress lmaAddress)
            throws UntranslatableException {
        Optional<HandoffIndicator> hi = Optional.empty();
        Optional<HandoffIndicatorOption> hiOption = pbu.option(HandoffIndicatorOption.class);
        if (hiOption.isPresent()) {
            int code = hiOption.get().handoffIndicatorCode();
            hi = Optional.of(HandoffIndicator.fromCode(code)
                    .orElseThrow(() -> new UntranslatableException("unassigned Handoff Indicator " + code)));
        }
        Optional<AccessTechnologyType> att = Optional.empty();
        Optional<AccessTechnologyTypeOption> attOption = pbu.option(AccessTechnologyTypeOption.class);
        if (attOption.isPresent()) {
            int code = attOption.get().accessTechnologyTypeCode();
            att = Optional.of(AccessTechnologyType.fromCode(code)
                    .orElseThrow(() -> new UntranslatableException("unknown Access Technology Type " + code)));
        }
        OptionalLong group = pbu.option(MobileNodeGroupIdentifier.class)
                .map(g -> OptionalLong.of(g.groupIdentifier())).orElse(OptionalLong.empty());
        return new PbuRequest(
                mnId(pbu),
                servingMag.getHostAddress(),
                lmaAddress.getHostAddress(),
                pbu.optionsOf(HomeNetworkPrefixOption.class).stream().map(HomeNetworkPrefixOption::prefix).toList(),
                hi,
                att,
                pbu.option(MobileNodeLinkLayerIdentifier.class).map(l -> l.identifier().toHex()),
                pbu.option(Timestamp.class).map(t -> new PmipTimestamp(t.value())),
                pbu.sequence(),
                (int) pbu.lifetimeSeconds(),
                pbu.acknowledge(),
                group);
    }

    /**
     * The entity key: the NAI text of the MN-Identifier option (RFC 4283), or, for another subtype,
     * {@code <subtype>:<hex>}; empty when the option is absent (answered with status 160).
     */
    static String mnId(ProxyBindingUpdate pbu) {
        return pbu.option(MobileNodeIdentifier.class)
                .map(id -> id.naiText().orElseGet(() -> id.subtype() + ":" + id.identifier().toHex()))
                .orElse("");
    }

    /**
     * RFC 5213 section 5.3.6: a rejection carries the PBU's Sequence #, Lifetime 0 and copies of its
     * MN-Identifier, Home Network Prefix, Handoff Indicator, Access Technology Type, Link-layer
     * Identifier and Timestamp options (those present). A bulk PBU's group identifier is echoed too
     * (RFC 6602 section 4.2).
     */
    public static ProxyBindingAcknowledgement rejection(ProxyBindingUpdate pbu, BindingAckStatus status) {
        List<MobilityOption> options = new ArrayList<>();
        options.addAll(pbu.optionsOf(MobileNodeIdentifier.class));
        options.addAll(pbu.optionsOf(HomeNetworkPrefixOption.class));
        options.addAll(pbu.optionsOf(HandoffIndicatorOption.class));
        options.addAll(pbu.optionsOf(AccessTechnologyTypeOption.class));
        options.addAll(pbu.optionsOf(MobileNodeLinkLayerIdentifier.class));
        options.addAll(pbu.optionsOf(Timestamp.class));
        options.addAll(pbu.optionsOf(MobileNodeGroupIdentifier.class));
        return ProxyBindingAcknowledgement.of(status, pbu.sequence(), 0, options);
    }

    /**
     * RFC 5213 section 5.3.6: the PBA for the entity's decision. MN-Identifier and Link-layer
     * Identifier are copied byte for byte from the PBU; the prefixes, timestamp and lifetime come
     * from the decision (on TIMESTAMP_MISMATCH the decision carries the LMA's current time).
     * The Mobile Node Group Identifier option is echoed (RFC 6602 section 5.3).
     */
    public static ProxyBindingAcknowledgement acknowledgement(ProxyBindingUpdate pbu, PbaDecision decision) {
        List<MobilityOption> options = new ArrayList<>();
        options.addAll(pbu.optionsOf(MobileNodeIdentifier.class));
        decision.homeNetworkPrefixes().forEach(p -> options.add(new HomeNetworkPrefixOption(p)));
        decision.handoffIndicator().ifPresent(h -> options.add(HandoffIndicatorOption.of(h)));
        decision.accessTechnology().ifPresent(a -> options.add(AccessTechnologyTypeOption.of(a)));
        if (pbu.option(MobileNodeLinkLayerIdentifier.class).isPresent()) {
            options.add(pbu.option(MobileNodeLinkLayerIdentifier.class).get());
        } else {
            decision.linkLayerId().ifPresent(l -> options.add(new MobileNodeLinkLayerIdentifier(Bytes.fromHex(l))));
        }
        decision.timestamp().ifPresent(t -> options.add(new Timestamp(t.value())));
        decision.bulkGroupId().ifPresent(g -> options.add(MobileNodeGroupIdentifier.bulkBindingUpdateGroup(g)));
        // RFC 6602 section 5.3: B set in the PBA to a registration that named a group says this LMA
        // supports bulk binding update and keeps the binding in that group.
        boolean bulk = decision.accepted() && decision.lifetimeSeconds() > 0 && decision.bulkGroupId().isPresent();
        return ProxyBindingAcknowledgement.fromFlags(decision.status().code(),
                ProxyBindingAcknowledgement.FLAG_P | (bulk ? ProxyBindingAcknowledgement.FLAG_B : 0),
                decision.sequence(), lifetimeUnits(decision.lifetimeSeconds()), options);
    }

    /**
     * Seconds to the 4-second units of the Lifetime field. Rounded down, so the MAG never believes in
     * a longer binding than the LMA keeps (RFC 6275 section 9.5.1: the granted lifetime is never more
     * than what the cache holds); but a positive lifetime never rounds to 0, which would read as a
     * de-registration (RFC 5213 section 5.3.5).
     */
    public static int lifetimeUnits(int seconds) {
        if (seconds <= 0) {
            return 0;
        }
        return Math.min(MAX_LIFETIME_UNITS, Math.max(1, seconds / 4));
    }

    /** The same PBA with one more option (e.g. RFC 6463 Redirect). */
    static ProxyBindingAcknowledgement withOption(ProxyBindingAcknowledgement pba, MobilityOption option) {
        List<MobilityOption> options = new ArrayList<>(pba.options());
        options.add(option);
        return ProxyBindingAcknowledgement.fromFlags(pba.statusCode(), pba.flags(), pba.sequence(), pba.lifetime(),
                options);
    }
}
