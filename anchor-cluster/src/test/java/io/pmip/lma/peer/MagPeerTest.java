package io.pmip.lma.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.pmip.lma.BindingEntity;
import io.pmip.lma.BindingShard;
import io.pmip.lma.BindingView;
import io.pmip.lma.PbaDecision;
import io.pmip.lma.Pbus;
import io.pmip.lma.TestConfigs;
import io.pmip.lma.metrics.LmaMetrics;
import io.pmip.lma.signaling.SignalingIngress;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.option.RestartCounter;
import io.pmip.protocol.transport.TransportKind;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The MAG peer state machine on a one-node cluster with real timers (HEARTBEAT_INTERVAL 150 ms,
 * MISSING_HEARTBEATS_ALLOWED 2): the test plays the MAG, taking each Heartbeat request the entity sends
 * and answering it (or not) as the signaling ingress would hand the answer over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MagPeerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HeartbeatSettings SETTINGS = new HeartbeatSettings(true, Duration.ofMillis(150), 2,
            Duration.ofSeconds(3600));

    private ActorTestKit kit;
    private BindingShard shard;
    private MagPeers peers;
    private final LmaMetrics metrics = new LmaMetrics();
    /** What the entity put on the wire, by MAG. */
    private final BlockingQueue<Sent> wire = new LinkedBlockingQueue<>();

    private record Sent(MagAddress to, Heartbeat request) {
    }

    @BeforeAll
    void start() {
        Config config = ConfigFactory.parseString("""
                pekko.remote.artery.canonical.port = 0
                pekko.coordinated-shutdown.exit-jvm = off
                pmip.lma.heartbeat.ask-timeout = 5s
                # registrations here wait for a fresh cluster's prefix pools
                pmip.lma.timestamp-validity-window = 10s
                """)
                .withFallback(ConfigFactory.parseResources("cluster.conf"))
                .withFallback(TestConfigs.actorSystem())
                .resolve();
        kit = ActorTestKit.create("mag-peer-test", config);
        Cluster cluster = Cluster.get(kit.system());
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        shard = BindingShard.init(kit.system(), Clock.systemUTC());
        // The cluster's answer for these MAGs: every mobile node the test registers.
        MagBindings bindings = mag -> CompletableFuture.completedFuture(List.of("alice@lab.example", "bob@lab.example",
                "carol@lab.example", "dave@lab.example"));
        peers = MagPeers.init(kit.system(), SETTINGS, (to, request) -> wire.add(new Sent(to, request)), bindings,
                shard, metrics, Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void upDownUpAndARestartRemovesOnlyTheSessionsTheMagLost() throws Exception {
        String mag = Pbus.MAG1;
        String other = Pbus.MAG2;
        register("alice@lab.example", mag);
        register("bob@lab.example", mag);
        register("dave@lab.example", other); // another MAG's binding: never touched
        peers.observed(contact(mag, 5436));

        // UNKNOWN until the first answer; then UP with the Restart Counter learned.
        Sent first = nextRequest(mag);
        assertEquals(TransportKind.MH_IPV6, first.to().kind());
        assertEquals(Optional.of(Pbus.LMAA), first.to().lmaAddress(), "sent from the LMA address the MAG used");
        assertEquals(PathState.UNKNOWN, status(mag).state());
        answer(mag, first, 7);
        PeerStatus up = answerUntil(mag, 7, s -> s.state() == PathState.UP);
        assertEquals(7, up.restartCounter().getAsLong());
        assertEquals(0, up.missed());
        assertTrue(up.lastHeartbeat().isPresent());
        assertTrue(up.heartbeating());

        // A response with an old sequence number answers nothing (RFC 5847 section 3.1).
        Sent second = nextRequest(mag);
        peers.heartbeatResponse(mag, Heartbeat.response((second.request().sequence() - 1) & 0xffffffffL, false,
                List.of(new RestartCounter(99))), Instant.now());
        awaitMetric("dropped", "reason", "unexpected_heartbeat_response", 1);

        // Silence: MISSING_HEARTBEATS_ALLOWED requests unanswered make the path DOWN; bindings stay.
        PeerStatus down = awaitStatus(mag, s -> s.state() == PathState.DOWN);
        assertTrue(down.missed() >= 2, down.toString());
        assertEquals(7, down.restartCounter().getAsLong(), "the unmatched response taught nothing");
        assertEquals(1, metrics.snapshot().count("heartbeat_path_down"));
        assertEquals(1, sessionsAt("alice@lab.example", mag), "a DOWN MAG keeps its bindings");

        // It answers again, same counter: UP, nothing removed.
        answerUntil(mag, 7, s -> s.state() == PathState.UP);
        assertEquals(0, metrics.snapshot().count("mag_restart_detected"));

        // The MAG restarts: carol registers with the new incarnation, then a response carries counter 8.
        register("carol@lab.example", mag);
        answerUntil(mag, 8, s -> s.restartCounter().getAsLong() == 8);
        awaitMetric("mag_restart_sessions_removed", null, null, 2);
        assertEquals(1, metrics.snapshot().count("mag_restart_detected"));
        assertEquals(0, sessionsAt("alice@lab.example", mag));
        assertEquals(0, sessionsAt("bob@lab.example", mag));
        assertEquals(1, sessionsAt("carol@lab.example", mag), "registered after the restart: kept");
        assertEquals(1, sessionsAt("dave@lab.example", other), "another MAG's binding: kept");
        assertEquals(8, status(mag).restartCounter().getAsLong());
        // Unanswered since, the path goes DOWN within 2 intervals (300 ms), which a loaded machine may take
        // between two statements: the gauge is read while the test answers again.
        answerUntil(mag, 8, s -> s.state() == PathState.UP
                && Long.valueOf(1).equals(metrics.heartbeatPeersByState().get("up")));
        assertEquals(Long.valueOf(1), metrics.heartbeatPeersByState().get("up"));
    }

    @Test
    void aStatusQueryAboutAnUnknownMagStartsNoHeartbeat() throws Exception {
        PeerStatus status = status("192.0.2.99");
        assertEquals(PathState.UNKNOWN, status.state());
        assertTrue(status.restartCounter().isEmpty());
        assertTrue(!status.heartbeating());
        assertTrue(wire.stream().noneMatch(s -> s.to().mag().equals("192.0.2.99")));
    }

    @Test
    void journaledFactsAndClusterMessagesRoundTripThroughCbor() {
        var serialization = kit.serializationTestKit();
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        MagAddress address = new MagAddress(TransportKind.UDP_IPV4, "192.0.2.7", 40000, Optional.of("192.0.2.1"));
        for (Object o : List.of(
                new MagPeerEvent.AddressLearned("192.0.2.7", address, at),
                new MagPeerEvent.RestartCounterLearned("192.0.2.7", 0xffffffffL, at),
                new MagPeerEvent.MagRestarted("192.0.2.7", 1, 2, at.minusSeconds(60), at),
                new MagPeerEvent.HeartbeatsStopped("192.0.2.7", at),
                new MagPeerState(Optional.of(address), java.util.OptionalLong.of(3), Optional.of(at)),
                MagPeerState.EMPTY,
                new MagPeerEntity.Observed(new MagAddress(TransportKind.MH_IPV6, Pbus.MAG1, 0, Optional.empty()), at),
                new MagPeerEntity.HeartbeatAnswered(7, java.util.OptionalLong.empty(), at),
                new PeerStatus("192.0.2.7", PathState.DOWN, 3, Optional.of(at), java.util.OptionalLong.of(9), true))) {
            assertEquals(o, serialization.verifySerialization(o, true), o.getClass().getSimpleName());
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static SignalingIngress.MagContact contact(String mag, int port) throws Exception {
        return new SignalingIngress.MagContact(TransportKind.MH_IPV6, InetAddress.getByName(mag), port,
                InetAddress.getByName(Pbus.LMAA), Instant.now());
    }

    private void register(String mnId, String mag) throws Exception {
        PbaDecision d = shard.handle(Pbus.initial(mnId).from(mag).at(Instant.now()).request(), WAIT)
                .toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertEquals(BindingAckStatus.ACCEPTED, d.status(), d.detail());
    }

    private long sessionsAt(String mnId, String mag) throws Exception {
        BindingView view = shard.binding(mnId).<BindingView>ask(BindingEntity.Get::new, WAIT)
                .toCompletableFuture().get(15, TimeUnit.SECONDS);
        return view.sessions().stream().filter(s -> s.servingMag().equals(mag)).count();
    }

    private Sent nextRequest(String mag) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Sent s = wire.poll(100, TimeUnit.MILLISECONDS);
            if (s != null && s.to().mag().equals(mag)) {
                assertTrue(!s.request().response(), "the LMA sends requests");
                return s;
            }
        }
        throw new AssertionError("no Heartbeat request to " + mag + " within " + WAIT);
    }

    private void answer(String mag, Sent request, long restartCounter) {
        peers.heartbeatResponse(mag, Heartbeat.response(request.request().sequence(), false,
                List.of(new RestartCounter(restartCounter))), Instant.now());
    }

    /**
     * Answers the next request with {@code restartCounter} until the peer matches: an answer that reaches
     * the entity after its next request went out (a slow machine) answers nothing, as on the wire.
     */
    private PeerStatus answerUntil(String mag, long restartCounter, Predicate<PeerStatus> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        PeerStatus s = status(mag);
        while (!condition.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("peer never matched, last: " + s);
            }
            wire.clear();
            answer(mag, nextRequest(mag), restartCounter);
            Thread.sleep(20);
            s = status(mag);
        }
        return s;
    }

    private PeerStatus status(String mag) throws Exception {
        return peers.status(mag, WAIT).toCompletableFuture().get(15, TimeUnit.SECONDS);
    }

    private PeerStatus awaitStatus(String mag, Predicate<PeerStatus> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        PeerStatus s = status(mag);
        while (!condition.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("peer never matched, last: " + s);
            }
            Thread.sleep(20);
            s = status(mag);
        }
        assertNotNull(s);
        return s;
    }

    private void awaitMetric(String name, String label, String value, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count(name, label, value) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " never reached " + atLeast + ":\n" + metrics.snapshot().render());
            }
            Thread.sleep(20);
        }
    }

    private long count(String name, String label, String value) {
        return label == null ? metrics.snapshot().count(name) : metrics.snapshot().count(name, label, value);
    }
}
