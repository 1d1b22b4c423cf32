package io.pmip.lma.policy;

import com.typesafe.config.Config;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Authorization of Proxy Binding Updates before any binding state is looked at: the MAG peer list
 * and the mobile node's policy profile (RFC 5213 sections 4 and 5.3.1). Built from
 * {@code pmip.lma.mag-peers}, {@code pmip.lma.mobile-nodes} and {@code pmip.lma.default-profile}.
 */
public record LmaPolicy(MagPeers magPeers, MobileNodePolicy mobileNodes) {

    /** Why a PBU is refused before reaching the binding cache, with the PBA status to answer. */
    public record Refusal(BindingAckStatus status, String detail) {
    }

    public static LmaPolicy fromConfig(Config lma) {
        MagPeers peers = MagPeers.of(lma.getStringList("mag-peers"));
        List<MobileNodeProfile> profiles = lma.getConfigList("mobile-nodes").stream()
                .map(c -> profile(c, c.getString("match"))).toList();
        Optional<MobileNodeProfile> fallback = lma.hasPath("default-profile")
                ? Optional.of(profile(lma.getConfig("default-profile"), "*"))
                : Optional.empty();
        return new LmaPolicy(peers, new MobileNodePolicy(profiles, fallback));
    }

    private static MobileNodeProfile profile(Config c, String match) {
        PrefixAssignment prefixes = c.hasPath("prefixes") && !c.getStringList("prefixes").isEmpty()
                ? new PrefixAssignment.Static(c.getStringList("prefixes").stream().map(Ipv6Prefix::parse).toList())
                : new PrefixAssignment.FromPool(c.hasPath("pool") ? c.getString("pool") : "default");
        Set<AccessTechnologyType> att = c.hasPath("access-technologies")
                ? c.getStringList("access-technologies").stream().map(AccessTechnologyType::valueOf)
                        .collect(Collectors.toSet())
                : Set.of();
        boolean enabled = !c.hasPath("proxy-registration") || c.getBoolean("proxy-registration");
        boolean served = !c.hasPath("served-here") || c.getBoolean("served-here");
        return new MobileNodeProfile(match, enabled, served, prefixes, att);
    }

    /** RFC 5213 section 5.3.1, the checks that need no binding state. Empty means go on. */
    public Optional<Refusal> admit(String mnId, String servingMag, Optional<AccessTechnologyType> att) {
        // RFC 5213 section 5.3.1: the sender must be a MAG trusted to send PBUs.
        if (!magPeers.isAuthorized(servingMag)) {
            return Optional.of(new Refusal(BindingAckStatus.MAG_NOT_AUTHORIZED_FOR_PROXY_REG,
                    "MAG " + servingMag + " is not a configured peer"));
        }
        // RFC 5213 section 5.3.1: the MN-Identifier option is mandatory.
        if (mnId.isEmpty()) {
            return Optional.of(new Refusal(BindingAckStatus.MISSING_MN_IDENTIFIER_OPTION, "no MN-Identifier"));
        }
        Optional<MobileNodeProfile> profile = mobileNodes.profileFor(mnId);
        // RFC 5213 section 5.3.1: no profile, or one that disables network-based mobility.
        if (profile.isEmpty() || !profile.get().proxyRegistrationEnabled()) {
            return Optional.of(new Refusal(BindingAckStatus.PROXY_REG_NOT_ENABLED,
                    "proxy registration not enabled for " + mnId));
        }
        // RFC 5213 section 8.9 (status 153): the profile says another LMA serves this node.
        if (!profile.get().servedHere()) {
            return Optional.of(new Refusal(BindingAckStatus.NOT_LMA_FOR_THIS_MOBILE_NODE,
                    "this LMA does not serve " + mnId));
        }
        if (att.isPresent() && !profile.get().allows(att.get())) {
            return Optional.of(new Refusal(BindingAckStatus.ADMINISTRATIVELY_PROHIBITED,
                    "access technology " + att.get() + " not allowed for " + mnId));
        }
        return Optional.empty();
    }

    public Optional<MobileNodeProfile> profileFor(String mnId) {
        return mobileNodes.profileFor(mnId);
    }
}
