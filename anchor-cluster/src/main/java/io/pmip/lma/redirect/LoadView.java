package io.pmip.lma.redirect;

import io.pmip.protocol.mh.option.LoadInformation;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The latest {@link NodeLoad} of every node, as gossiped; read by the signaling receive threads
 * without waiting for an actor. A node silent for longer than {@code staleAfter} is left out.
 */
public final class LoadView {
    private final Map<String, NodeLoad> byNode = new ConcurrentHashMap<>();
    private final Duration staleAfter;
    private final Clock clock;

    public LoadView(Duration staleAfter, Clock clock) {
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    void update(NodeLoad load) {
        byNode.merge(load.node(), load, (old, now) -> now.publishedAtMillis() >= old.publishedAtMillis() ? now : old);
    }

    void forget(String node) {
        byNode.remove(node);
    }

    /** Every node heard from recently, draining or not. */
    public List<NodeLoad> live() {
        long oldest = clock.millis() - staleAfter.toMillis();
        return byNode.values().stream().filter(l -> l.publishedAtMillis() >= oldest).toList();
    }

    /** Every live node's load as RFC 6463 Load Information values, by node. */
    public Map<String, LoadInformation> loadInformation() {
        return live().stream().collect(Collectors.toMap(NodeLoad::node, NodeLoad::loadInformation, (a, b) -> b,
                TreeMap::new));
    }

    /** Where a MAG on this transport may be sent: live, not draining, with a unicast address for it. */
    public Collection<NodeLoad> candidates(boolean ipv6) {
        return live().stream().filter(l -> !l.draining() && l.unicast(ipv6).isPresent()).toList();
    }
}
