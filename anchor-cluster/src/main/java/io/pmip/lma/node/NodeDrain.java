package io.pmip.lma.node;

import io.pmip.lma.MagSessions;
import io.pmip.lma.metrics.LmaMetrics;
import io.pmip.lma.metrics.MetricKey;
import io.pmip.lma.peer.MagBindings;
import io.pmip.lma.signaling.SignalingIngress;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.RevocationTrigger;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Leave;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one node out of the cluster without leaving a MAG behind: the node already tells the
 * others it drains (no MAG is redirected to it any more); here every MAG that signals to its
 * unicast address gets a global Binding Revocation Indication (RFC 5846 section 8.1: G and P set,
 * trigger Per-Peer Policy), so it drops its bindings and its assignment and registers again
 * through the anycast address, where another node redirects it. Its sessions end here too (RFC
 * 5846: the LMA removes the binding cache entries it revoked), so no prefix stays
 * anchored for a MAG that has let go of it. Then the PBUs in flight are answered, and the node
 * leaves (its shards hand off; coordinated shutdown follows).
 */
final class NodeDrain implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(NodeDrain.class);
    /** The reason journaled in {@code BindingEvent.Revoked}. */
    static final String REASON = "drain";

    /** How the sessions of a moved MAG are found (every node's index) and ended. */
    record MovedMags(MagSessions sessions, MagBindings bindings) {
    }

    private final ActorSystem<?> system;
    private final SignalingIngress ingress;
    private final LmaMetrics metrics;
    private final Set<InetAddress> ownUnicast;
    private final MovedMags moved;
    private final Duration timeout;

    NodeDrain(ActorSystem<?> system, SignalingIngress ingress, LmaMetrics metrics, Set<InetAddress> ownUnicast,
            MovedMags moved, Duration timeout) {
        this.system = system;
        this.ingress = ingress;
        this.metrics = metrics;
        this.ownUnicast = Set.copyOf(ownUnicast);
        this.moved = moved;
        this.timeout = timeout;
    }

    /** Runs on the gossip actor's thread: starts the drain and returns at once. */
    @Override
    public void run() {
        List<String> assigned = ingress.magContacts().entrySet().stream()
                .filter(e -> ownUnicast.contains(e.getValue().lmaAddress()))
                .map(java.util.Map.Entry::getKey).sorted().toList();
        log.info("draining: moving {} MAG(s) assigned to this node: {}", assigned.size(), assigned);
        CompletableFuture<?>[] moving = assigned.stream().map(mag -> {
            metrics.increment(MetricKey.of("revocation", "flavour", "mag"));
            return ingress.revoke(mag, sequence -> BindingRevocationIndication.of(RevocationTrigger.PER_PEER_POLICY,
                    sequence, true, true, List.of()), timeout).toCompletableFuture()
                    .handle((bra, failure) -> {
                        if (failure != null) {
                            log.warn("MAG {} did not acknowledge the drain revocation: {}", mag, failure.toString());
                        }
                        return null;
                    })
                    .thenCompose(acknowledged -> endSessions(mag));
        }).toArray(CompletableFuture[]::new);
        // leaveWhenIdle polls (sleeps): not on the dispatchers the PBUs it waits for need.
        CompletableFuture.allOf(moving).thenRunAsync(this::leaveWhenIdle,
                system.dispatchers().lookup(DispatcherSelector.blocking()));
    }

    /** The MAG was told, whatever it answered: its sessions end. Never fails, so the drain goes on. */
    private CompletableFuture<Void> endSessions(String mag) {
        return moved.bindings().mobileNodesAt(mag)
                .thenCompose(mobileNodes -> moved.sessions().end(mag, mobileNodes, REASON, s -> true))
                .toCompletableFuture()
                .handle((ended, failure) -> {
                    if (failure != null) {
                        log.warn("draining: ending the sessions of MAG {} failed: {}", mag, failure.toString());
                    } else {
                        metrics.add(MetricKey.of("drain_sessions_ended"), ended.sessions());
                        log.info("draining: ended {} session(s) of {} mobile node(s) at MAG {}", ended.sessions(),
                                ended.mobileNodes().size(), mag);
                    }
                    return null;
                });
    }

    private void leaveWhenIdle() {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Every PBU handed to an entity gets its PBA before the transports close.
        while (ingress.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Cluster cluster = Cluster.get(system);
        log.info("draining: leaving the cluster");
        cluster.manager().tell(Leave.create(cluster.selfMember().address()));
    }
}
