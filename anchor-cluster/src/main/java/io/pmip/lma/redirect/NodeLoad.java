package io.pmip.lma.redirect;

import io.pmip.persistence.CborSerializable;
import io.pmip.protocol.mh.option.LoadInformation;
import java.util.Optional;

/**
 * What one LMA node tells the others about itself, so any node can pick where to redirect a MAG
 * (RFC 6463 section 3: the redirecting LMA chooses the target, e.g. by load).
 *
 * @param node cluster address {@code host:port}
 * @param unicastUdp the node's own IPv4 LMA address for RFC 5844 UDP, or empty when it has none
 * @param unicastMh the node's own IPv6 LMA address for raw Mobility Header, or empty when it has none
 * @param bindings binding entities this node hosts
 * @param pbusPerSecond PBUs this node received per second over the last gossip interval
 * @param draining the node is leaving: no MAG is sent to it any more
 * @param publishedAtMillis wall-clock time of publication, to forget nodes that went silent
 * @param capacity the node's configured priority and limits (null from a node that has none)
 */
public record NodeLoad(String node, String unicastUdp, String unicastMh, long bindings, double pbusPerSecond,
        boolean draining, long publishedAtMillis, Capacity capacity) implements CborSerializable {

    public NodeLoad {
        capacity = capacity == null ? Capacity.UNCONFIGURED : capacity;
    }

    /** A node with no configured capacity. */
    public NodeLoad(String node, String unicastUdp, String unicastMh, long bindings, double pbusPerSecond,
            boolean draining, long publishedAtMillis) {
        this(node, unicastUdp, unicastMh, bindings, pbusPerSecond, draining, publishedAtMillis, Capacity.UNCONFIGURED);
    }

    /** The address a MAG on this transport would be redirected to, if the node has one. */
    public Optional<String> unicast(boolean ipv6) {
        String address = ipv6 ? unicastMh : unicastUdp;
        return address == null || address.isBlank() ? Optional.empty() : Optional.of(address);
    }

    /**
     * This load as RFC 6463 Load Information values: Sessions in Use = binding entities, Used
     * Capacity = PBUs per second (rounded), the rest as configured.
     */
    public LoadInformation loadInformation() {
        return new LoadInformation(capacity.priority(), Capacity.clampUint32(bindings), capacity.maximumSessions(),
                Capacity.clampUint32(pbusPerSecond), capacity.maximumCapacity());
    }

    NodeLoad draining(boolean value) {
        return new NodeLoad(node, unicastUdp, unicastMh, bindings, pbusPerSecond, value, publishedAtMillis, capacity);
    }
}
