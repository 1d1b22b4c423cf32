package io.pmip.lma.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pmip.lma.node.LmaNode;
import io.pmip.lma.node.TestMag;
import io.pmip.mag.MagActor;
import io.pmip.mag.MagCommand;
import io.pmip.mag.MagConfig;
import io.pmip.mag.MagEvent;
import io.pmip.mag.MagNode;
import io.pmip.protocol.Bytes;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.transport.TransportConfig;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 5847 from the LMA's side over real UDP: a real LMA node (in-memory journal, admin API on) heartbeats
 * a real mag-edge MAG, declares it DOWN when it stops, and when it comes back with a new Restart Counter
 * removes the sessions its previous incarnation held while keeping the one it registered since. What the
 * LMA concludes is read where an operator reads it: /api/mags and /metrics.
 */
class HeartbeatEndToEndTest {
    private static final String TOKEN = "heartbeat-admin-token";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private LmaNode lma;
    private AdminClient admin;
    private ActorTestKit kit;
    private MagNode firstNode;
    private MagNode secondNode;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        lma = AdminTestNode.start(dir, TOKEN, """
                pmip.lma.heartbeat { interval = 250ms, missing-heartbeats-allowed = 2 }
                pmip.admin.open-metrics = on
                """);
        admin = new AdminClient(lma.adminAddress(), TOKEN, WAIT);
        kit = ActorTestKit.create("heartbeat-e2e");
    }

    @AfterEach
    void stop() {
        if (kit != null) {
            kit.shutdownTestKit();
        }
        for (MagNode node : new MagNode[] {firstNode, secondNode}) {
            if (node != null) {
                node.close();
            }
        }
        if (lma != null) {
            lma.close();
        }
    }

    @Test
    void theLmaWatchesAMagGoDownAndRemovesWhatItLostWhenItRestarts() throws Exception {
        firstNode = MagNode.open(TransportConfig.udpIpv4(InetAddress.getByName("127.0.0.1"), 0));
        TestMag first = mag(firstNode, 1);
        attach(first, "alice@lab.example", "020000000a01");
        attach(first, "bob@lab.example", "020000000a02");

        // The LMA's requests reach the MAG, which answers with its Restart Counter.
        JsonNode up = awaitMag(m -> m.path("heartbeatState").asText().equals("up")
                && m.path("restartCounter").asLong() == 1);
        assertEquals(0, up.path("missedHeartbeats").asInt(), up.toString());
        assertTrue(!up.path("lastHeartbeat").isNull(), up.toString());
        assertTrue(lma.metrics().snapshot().count("sent", "type", "HEARTBEAT", "status", "0") >= 1);
        assertTrue(lma.metrics().snapshot().count("received", "type", "HEARTBEAT") >= 1);
        assertEquals(1.0, admin.scrape().valueOrZero("pmip_heartbeat_peers", Map.of("state", "up")));

        // The MAG stops (no de-registration): MISSING_HEARTBEATS_ALLOWED misses make it DOWN, bindings stay.
        kit.stop(first.ref());
        firstNode.close();
        JsonNode down = awaitMag(m -> m.path("heartbeatState").asText().equals("down"));
        assertTrue(down.path("missedHeartbeats").asInt() >= 2, down.toString());
        assertEquals(2, down.path("bindings").asInt(), "a DOWN MAG keeps its bindings: " + down);
        PrometheusParser.Exposition metrics = admin.scrape();
        assertEquals(1.0, metrics.valueOrZero("pmip_heartbeat_peers", Map.of("state", "down")));
        assertEquals(1.0, metrics.valueOrZero("pmip_heartbeat_path_down_total", Map.of()));

        // It comes back on a new port with Restart Counter 2 and registers carol.
        secondNode = MagNode.open(TransportConfig.udpIpv4(InetAddress.getByName("127.0.0.1"), 0));
        TestMag second = mag(secondNode, 2);
        attach(second, "carol@lab.example", "020000000a03");
        awaitMag(m -> m.path("heartbeatState").asText().equals("up") && m.path("restartCounter").asLong() == 2);
        awaitStatus("/api/bindings/" + AdminClient.q("alice@lab.example"), 404);
        awaitStatus("/api/bindings/" + AdminClient.q("bob@lab.example"), 404);
        assertEquals(200, admin.get("/api/bindings/" + AdminClient.q("carol@lab.example")).status(), "registered after the restart");
        // The peer entity counts the removed sessions when the cleanup it started reports back, on its own
        // thread and after the sessions ended (the 404s above): wait for the counter to move.
        metrics = admin.awaitScrape(e -> e.valueOrZero("pmip_mag_restart_sessions_removed_total", Map.of()) == 2.0);
        assertEquals(1.0, metrics.valueOrZero("pmip_mag_restarts_detected_total", Map.of()));
        assertEquals(2.0, metrics.valueOrZero("pmip_mag_restart_sessions_removed_total", Map.of()));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private TestMag mag(MagNode node, long restartCounter) {
        MagConfig config = MagConfig.defaults(InetAddress.getLoopbackAddress(), lma.udpAddress().getAddress(),
                        lma.udpAddress().getPort())
                .withRequestedLifetime(Duration.ofSeconds(3600)).withRestartCounter(restartCounter)
                .withBindackTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(4));
        var events = kit.createTestProbe(MagEvent.class);
        ActorRef<MagCommand> ref = kit.spawn(MagActor.create(config, node, events.getRef()::tell, Clock.systemUTC()));
        return new TestMag(ref, events, WAIT);
    }

    private static void attach(TestMag mag, String mnId, String linkLayer) {
        mag.ref().tell(MagCommand.Attach.newAttachment(mnId, Bytes.fromHex(linkLayer), AccessTechnologyType.IEEE_802_11));
        mag.expect(MagEvent.Registered.class, r -> r.mobileNodeIdentifier().equals(mnId));
    }

    private JsonNode awaitMag(Predicate<JsonNode> condition) throws Exception {
        return admin.await("/api/mags/127.0.0.1", r -> r.status() == 200 && condition.test(r.json())).json();
    }

    private void awaitStatus(String path, int status) throws Exception {
        admin.await(path, r -> r.status() == status);
    }
}
