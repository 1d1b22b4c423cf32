package io.pmip.lma.redirect;

import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.Redirect;
import io.pmip.protocol.mh.option.RedirectCapability;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether this node, acting as the rfLMA behind the anycast LMA address, names another
 * LMA in its answer (RFC 6463 section 4.2). Only a PBU that reached the anycast address, is a
 * registration (lifetime above zero) and carries the Redirect-Capability option may be redirected
 * (RFC 6463 section 4.1: the MAG sends Redirect-Capability in its initial PBU to the rfLMA); a
 * PBU sent to a node's unicast address is served there.
 */
public final class Redirection {
    private final LoadView view;
    private final RedirectPolicy policy;
    private final Set<InetAddress> ownUnicast;

    /** @param ownUnicast this node's unicast LMA addresses: a PBU sent to one was already redirected */
    public Redirection(LoadView view, RedirectPolicy policy, Set<InetAddress> ownUnicast) {
        this.view = view;
        this.policy = policy;
        this.ownUnicast = Set.copyOf(ownUnicast);
    }

    /** The Redirect option for the PBA, or empty when the PBU is served without redirection. */
    public Optional<Redirect> redirectFor(ProxyBindingUpdate pbu, InetAddress mag, InetAddress destination) {
        if (pbu.lifetime() == 0 || pbu.option(RedirectCapability.class).isEmpty() || ownUnicast.contains(destination)) {
            return Optional.empty();
        }
        boolean ipv6 = mag instanceof Inet6Address;
        return policy.choose(mag.getHostAddress(), view.candidates(ipv6))
                .flatMap(node -> node.unicast(ipv6))
                .map(Redirection::literal)
                // RFC 6463 section 6.2: K for an IPv6 r2LMA address, N for an IPv4 one.
                .map(a -> a instanceof Inet6Address v6 ? Redirect.toIpv6(v6) : Redirect.toIpv4((Inet4Address) a));
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // gossiped literals only, never a host name
        } catch (UnknownHostException e) {
            throw new IllegalStateException("gossiped LMA address is no literal: " + address, e);
        }
    }
}
