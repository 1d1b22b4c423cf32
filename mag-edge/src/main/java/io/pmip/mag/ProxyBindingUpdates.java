package io.pmip.mag;

import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobileNodeLinkLayerIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.RedirectCapability;
import io.pmip.protocol.mh.option.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Builds the PBUs a MAG sends: which options each carries is decided here and nowhere else. */
final class ProxyBindingUpdates {
    private ProxyBindingUpdates() {
    }

    /** The Handoff Indicator a PBU of this kind carries (RFC 5213 section 8.4). */
    static HandoffIndicator handoffIndicator(PbuKind kind) {
        return switch (kind) {
            case INITIAL -> HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE;
            case HANDOFF -> HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE;
            case REFRESH, REESTABLISH -> HandoffIndicator.HANDOFF_STATE_NOT_CHANGED;
            // The MAG cannot tell whether a detached node moved or left (RFC 5213 section 8.4 value 4).
            case DEREGISTRATION -> HandoffIndicator.HANDOFF_STATE_UNKNOWN;
            case BULK_REFRESH, BULK_DEREGISTRATION -> throw new IllegalArgumentException("bulk PBUs carry no HI");
        };
    }

    /**
     * A per-mobile-node PBU with flags A and P (RFC 5213 section 6.9.1.1): MN-Identifier, one Home
     * Network Prefix option per prefix (::/0 when none is known yet, asking the LMA to assign one),
     * Handoff Indicator, Access Technology Type, Timestamp (RFC 5213 section 5.5), MN Link-layer
     * Identifier, the Mobile Node Group Identifier when bulk is on (RFC 6602 section 4.1), and
     * Redirect-Capability when asked (RFC 6463 section 4.1).
     */
    static ProxyBindingUpdate perMobileNode(int sequence, int lifetimeUnits, PbuKind kind,
            BindingUpdateListEntry entry, Timestamp timestamp, boolean redirectCapability) {
        List<MobilityOption> options = new ArrayList<>();
        options.add(MobileNodeIdentifier.nai(entry.mobileNodeIdentifier()));
        List<Ipv6Prefix> prefixes = entry.homeNetworkPrefixes().isEmpty()
                ? List.of(Ipv6Prefix.UNSPECIFIED)
                : entry.homeNetworkPrefixes();
        prefixes.forEach(p -> options.add(new HomeNetworkPrefixOption(p)));
        options.add(HandoffIndicatorOption.of(handoffIndicator(kind)));
        options.add(AccessTechnologyTypeOption.of(entry.accessTechnology()));
        options.add(timestamp);
        if (!entry.linkLayerIdentifier().isEmpty()) {
            options.add(new MobileNodeLinkLayerIdentifier(entry.linkLayerIdentifier()));
        }
        OptionalLong group = entry.bulkGroup();
        group.ifPresent(g -> options.add(MobileNodeGroupIdentifier.bulkBindingUpdateGroup(g)));
        if (redirectCapability) {
            options.add(new RedirectCapability()); // RFC 6463 section 4.1
        }
        return ProxyBindingUpdate.of(sequence, lifetimeUnits, options);
    }

    /**
     * A bulk PBU for a whole group (RFC 6602 section 4.2): flags A, P and B, the Mobile Node Group
     * Identifier option and the Timestamp option, and no per-mobile-node options (no
     * MN-Identifier, HNP, HI, ATT or link-layer identifier).
     */
    static ProxyBindingUpdate bulk(int sequence, int lifetimeUnits, long groupIdentifier, Timestamp timestamp) {
        return ProxyBindingUpdate.fromFlags(sequence,
                ProxyBindingUpdate.FLAG_A | ProxyBindingUpdate.FLAG_P | ProxyBindingUpdate.FLAG_B, lifetimeUnits,
                List.of(MobileNodeGroupIdentifier.bulkBindingUpdateGroup(groupIdentifier), timestamp));
    }
}
