package io.pmip.lma.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pmip.lma.node.LmaConfig;
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
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = """
            pmip.lma.node {
              journal = inmem
              udp { enabled = true, address = "127.0.0.1", port = 0 }
              mh { enabled = false }
              restart-counter-file = "%s"
            }
            pmip.lma {
              mag-peers = ["127.0.0.1"]
              timestamp-validity-window = 5s
              prefix-pools.default { aggregates = ["2001:db8:100::/48"], prefix-length = 64, shards-per-aggregate = 4 }
              heartbeat { interval = 250ms, missing-heartbeats-allowed = 2 }
            }
            pmip.admin { address = "127.0.0.1", port = 0, token = "%s", open-metrics = on }
            pekko.remote.artery.canonical.port = 0
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.loglevel = WARNING
            """;

    private LmaNode lma;
    private ActorTestKit kit;
    private MagNode firstNode;
    private MagNode secondNode;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lma.conf");
        Files.writeString(file, CONFIG.formatted(dir.resolve("restart-counter").toString().replace("\\", "/"), TOKEN));
        lma = LmaNode.start(LmaConfig.load(Optional.of(file), Map.of())).awaitUp(Duration.ofSeconds(20));
        assertNotNull(lma.adminAddress(), "admin API started");
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
        assertEquals(1.0, scrape().valueOrZero("pmip_heartbeat_peers", Map.of("state", "up")));

        // The MAG stops (no de-registration): MISSING_HEARTBEATS_ALLOWED misses make it DOWN, bindings stay.
        kit.stop(first.ref());
        firstNode.close();
        JsonNode down = awaitMag(m -> m.path("heartbeatState").asText().equals("down"));
        assertTrue(down.path("missedHeartbeats").asInt() >= 2, down.toString());
        assertEquals(2, down.path("bindings").asInt(), "a DOWN MAG keeps its bindings: " + down);
        PrometheusParser.Exposition metrics = scrape();
        assertEquals(1.0, metrics.valueOrZero("pmip_heartbeat_peers", Map.of("state", "down")));
        assertEquals(1.0, metrics.valueOrZero("pmip_heartbeat_path_down_total", Map.of()));

        // It comes back on a new port with Restart Counter 2 and registers carol.
        secondNode = MagNode.open(TransportConfig.udpIpv4(InetAddress.getByName("127.0.0.1"), 0));
        TestMag second = mag(secondNode, 2);
        attach(second, "carol@lab.example", "020000000a03");
        awaitMag(m -> m.path("heartbeatState").asText().equals("up") && m.path("restartCounter").asLong() == 2);
        awaitStatus("/api/bindings/" + q("alice@lab.example"), 404);
        awaitStatus("/api/bindings/" + q("bob@lab.example"), 404);
        assertEquals(200, get("/api/bindings/" + q("carol@lab.example")).statusCode(), "registered after the restart");
        metrics = scrape();
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

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lma.adminAddress().getPort()
                + path)).timeout(WAIT).header("Authorization", "Bearer " + TOKEN).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitMag(Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HttpResponse<String> r = get("/api/mags/127.0.0.1");
            JsonNode mag = r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
            if (mag != null && condition.test(mag)) {
                return mag;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("/api/mags/127.0.0.1 never matched, last: " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(50);
        }
    }

    private void awaitStatus(String path, int status) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> r = get(path);
        while (r.statusCode() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " never answered " + status + ", last: " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(50);
            r = get(path);
        }
    }

    private PrometheusParser.Exposition scrape() throws Exception {
        return PrometheusParser.parse(get("/metrics").body());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
