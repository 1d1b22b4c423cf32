package io.pmip.lma.peer;

import io.pmip.lma.Addresses;
import io.pmip.lma.BindingShard;
import io.pmip.lma.Replies;
import io.pmip.lma.metrics.LmaMetrics;
import io.pmip.lma.signaling.MagSignals;
import io.pmip.lma.signaling.SignalingIngress;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.option.RestartCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;

/**
 * The MAG peers of the LMA (RFC 5847 heartbeats) on one node: starts sharding for {@link MagPeerEntity},
 * hears from the signaling ingress which MAGs send PBUs and what Heartbeat responses arrive, and
 * answers status queries for the admin API.
 */
public final class MagPeers implements MagSignals {
    private final ClusterSharding sharding;
    private final HeartbeatSettings settings;
    private final Clock clock;
    /** Per MAG, how and when this node last told its peer entity it was seen: one tell per half interval. */
    private final Map<String, Told> told = new ConcurrentHashMap<>();

    private record Told(MagAddress address, Instant at) {
    }

    private MagPeers(ClusterSharding sharding, HeartbeatSettings settings, Clock clock) {
        this.sharding = sharding;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Starts sharding for the peer entities of this node.
     *
     * @param sender puts this node's Heartbeat requests on the wire
     * @param bindings finds the bindings of a MAG that restarted
     */
    public static MagPeers init(ActorSystem<?> system, HeartbeatSettings settings, HeartbeatSender sender,
            MagBindings bindings, BindingShard shard, LmaMetrics metrics, Clock clock) {
        MagRestartCleanup cleanup = new MagRestartCleanup(new io.pmip.lma.MagSessions(system, shard,
                system.settings().config().getDuration("pmip.lma.heartbeat.ask-timeout")), bindings);
        MagPeerEntity.Context context = new MagPeerEntity.Context(settings, sender, cleanup, metrics, clock);
        ClusterSharding sharding = ClusterSharding.get(system);
        sharding.init(Entity.of(MagPeerEntity.TYPE_KEY, entity -> MagPeerEntity.create(entity.getEntityId(), context,
                java.util.Optional.of(entity.getShard()))));
        return new MagPeers(sharding, settings, clock);
    }

    /** The sender of a node's ingress: from the LMA address the MAG used, to the port it sends from. */
    public static HeartbeatSender sender(SignalingIngress ingress) {
        return (to, request) -> {
            try {
                return ingress.sendToMag(to.kind(), java.net.InetAddress.getByName(to.mag()), to.port(),
                        to.lmaAddress().isPresent() ? java.net.InetAddress.getByName(to.lmaAddress().get()) : null,
                        request, 0);
            } catch (java.net.UnknownHostException e) {
                return false; // journaled addresses are literals; nothing to resolve
            }
        };
    }

    public HeartbeatSettings settings() {
        return settings;
    }

    @Override
    public void observed(SignalingIngress.MagContact contact) {
        MagAddress address = MagAddress.of(contact);
        Instant now = contact.lastSeen() != null ? contact.lastSeen() : clock.instant();
        Told last = told.get(address.mag());
        if (last != null && last.address().equals(address)
                && now.isBefore(last.at().plus(settings.interval().dividedBy(2)))) {
            return; // the entity heard of this MAG moments ago; a PBU burst costs no sharding traffic
        }
        told.put(address.mag(), new Told(address, now));
        sharding.entityRefFor(MagPeerEntity.TYPE_KEY, address.mag()).tell(new MagPeerEntity.Observed(address, now));
    }

    @Override
    public void heartbeatResponse(String mag, Heartbeat response, Instant receivedAt) {
        // RFC 5847 section 5.2: the Restart Counter option rides in the response.
        OptionalLong counter = response.option(RestartCounter.class).map(c -> OptionalLong.of(c.counter()))
                .orElse(OptionalLong.empty());
        sharding.entityRefFor(MagPeerEntity.TYPE_KEY, Addresses.canonical(mag))
                .tell(new MagPeerEntity.HeartbeatAnswered(response.sequence(), counter, receivedAt));
    }

    /** The peer state of {@code mag} (an address literal in any form), wherever its entity lives. */
    public CompletionStage<PeerStatus> status(String mag, Duration timeout) {
        return Replies.onReplyingThread(sharding.entityRefFor(MagPeerEntity.TYPE_KEY, Addresses.canonical(mag))
                .ask(MagPeerEntity.GetStatus::new, timeout));
    }
}
