package io.pmip.lma.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.lma.BindingEntity;
import io.pmip.lma.BindingView;
import io.pmip.mag.BulkRefreshConfig;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 6602 group-scoped revocation end to end: the admin API revokes one bulk binding update group
 * of a real MAG (mag-edge, UDP) with one BRI naming the group; the MAG drops that group and
 * acknowledges, and the group's sessions end at the LMA while the MAG's other group stays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupRevocationTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String TOKEN = "group-revocation-token";
    private static final long GROUP = 1000;
    private static final String MAG = "127.0.0.1";

    private LmaNode lma;
    private ActorTestKit kit;
    private MagNode node;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lma.conf");
        Files.writeString(file, TestNode.CONFIG.formatted(false, dir.resolve("rc").toString().replace("\\", "/"))
                + "pmip.admin { port = 0, token = \"" + TOKEN + "\" }\n");
        lma = LmaNode.start(LmaConfig.load(Optional.of(file), Map.of())).awaitUp(Duration.ofSeconds(20));
        kit = ActorTestKit.create("group-revocation-mags");
    }

    @AfterAll
    void stop() {
        if (kit != null) {
            kit.shutdownTestKit();
        }
        if (node != null) {
            node.close();
        }
        if (lma != null) {
            lma.close();
        }
    }

    @Test
    void oneBulkGroupOfAMagIsRevokedWithOneIndicationAndEndsAtTheLma() throws Exception {
        InetAddress local = InetAddress.getByName(MAG);
        node = MagNode.open(TransportConfig.udpIpv4(local, 0));
        MagConfig config = MagConfig.defaults(local, lma.udpAddress().getAddress(), lma.udpAddress().getPort())
                .withBindackTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(4))
                .withBulk(BulkRefreshConfig.groupsOf(2, GROUP));
        TestProbe<MagEvent> events = kit.createTestProbe(MagEvent.class);
        TestMag mag = new TestMag(kit.spawn(MagActor.create(config, node, events.getRef()::tell, Clock.systemUTC())),
                events, WAIT);
        // Groups of two: g1 and g2 in GROUP, g3 in the next one.
        for (int i = 1; i <= 3; i++) {
            String mnId = "g" + i + "@group.example";
            mag.ref().tell(MagCommand.Attach.newAttachment(mnId, Bytes.fromHex("02000000cc0" + i),
                    AccessTechnologyType.IEEE_802_11));
            mag.expect(MagEvent.Registered.class, r -> r.mobileNodeIdentifier().equals(mnId));
        }
        awaitReadSide("\"groupId\":" + GROUP + ",\"members\":2");

        assertEquals(400, admin("DELETE", "/api/mags/" + MAG + "/bindings?group=1").statusCode(), "ALL-SESSIONS");
        assertEquals(400, admin("DELETE", "/api/mags/" + MAG + "/bindings?group=x").statusCode());
        assertEquals(400, admin("DELETE", "/api/mags/" + MAG + "/bindings?group=7&mnIds=a").statusCode());
        assertEquals(404, admin("DELETE", "/api/mags/" + MAG + "/bindings?group=4242").statusCode());

        HttpResponse<String> r = admin("DELETE", "/api/mags/" + MAG + "/bindings?group=" + GROUP);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"flavour\":\"group\"") && r.body().contains("\"groupId\":" + GROUP)
                && r.body().contains("\"magAcknowledged\":true") && r.body().contains("\"status\":0"), r.body());
        assertTrue(r.body().contains("\"revokedMobileNodes\":[\"g1@group.example\",\"g2@group.example\"]"), r.body());
        mag.expect(MagEvent.Revoked.class, e -> e.mobileNodeIdentifier().equals("g1@group.example"));
        mag.expect(MagEvent.Revoked.class, e -> e.mobileNodeIdentifier().equals("g2@group.example"));

        assertTrue(sessions("g1@group.example").sessions().isEmpty());
        assertTrue(sessions("g2@group.example").sessions().isEmpty());
        assertEquals(1, sessions("g3@group.example").sessions().size(), "the MAG's other group stays");
        assertEquals(1, lma.metrics().snapshot().count("revocation", "flavour", "group"));
    }

    private BindingView sessions(String mnId) {
        return lma.shard().binding(mnId).<BindingView>ask(BindingEntity.Get::new, WAIT).toCompletableFuture().join();
    }

    private void awaitReadSide(String fragment) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = admin("GET", "/api/mags/" + MAG).body();
            if (body.contains(fragment)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the read side never showed " + fragment + ": " + body);
    }

    private HttpResponse<String> admin(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lma.adminAddress().getPort() + path))
                .header("Authorization", "Bearer " + TOKEN).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }
}
