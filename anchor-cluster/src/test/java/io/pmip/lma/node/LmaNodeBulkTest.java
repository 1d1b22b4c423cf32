package io.pmip.lma.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.lma.BindingEntity;
import io.pmip.lma.BindingView;
import io.pmip.lma.MobilitySession;
import io.pmip.mag.BulkRefreshConfig;
import io.pmip.mag.MagActor;
import io.pmip.mag.MagCommand;
import io.pmip.mag.MagConfig;
import io.pmip.mag.MagEvent;
import io.pmip.mag.MagNode;
import io.pmip.protocol.Bytes;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.Timestamp;
import io.pmip.protocol.transport.TransportConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real MAG (mag-edge) with RFC 6602 bulk groups against a real LMA node over UDP: bulk refresh and
 * de-registration, and revocation of one group through the admin API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LmaNodeBulkTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long GROUP = 1000;
    private static final int MOBILE_NODES = 5;
    /** The MAG asks for 4 s and refreshes its group after a quarter of it. */
    private static final Duration LIFETIME = Duration.ofSeconds(4);
    private static final String TOKEN = "bulk-token";
    /** The MAG whose group is revoked, and that group: apart from the other test's. */
    private static final String REVOKED_MAG = "127.0.0.2";
    private static final long REVOKED_GROUP = 2000;

    private LmaNode lma;
    private ActorTestKit kit;
    private MagNode node;
    private MagNode revokedNode;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        // UDP only, on ephemeral ports: no raw socket to keep apart from other processes, so no namespace.
        lma = TestNode.start(dir, false, "pmip.admin { port = 0, token = \"" + TOKEN + "\" }\n");
        kit = ActorTestKit.create("bulk-mags");
    }

    @AfterAll
    void stop() {
        if (kit != null) {
            kit.shutdownTestKit();
        }
        if (node != null) {
            node.close();
        }
        if (revokedNode != null) {
            revokedNode.close();
        }
        if (lma != null) {
            lma.close();
        }
    }

    private TestMag bulkMag() throws Exception {
        InetAddress local = InetAddress.getByName("127.0.0.1");
        node = MagNode.open(TransportConfig.udpIpv4(local, 0));
        return spawn(node, MagConfig.defaults(local, lma.udpAddress().getAddress(), lma.udpAddress().getPort())
                .withRequestedLifetime(LIFETIME).withRefreshFraction(0.25)
                .withBulk(BulkRefreshConfig.groupsOf(100, GROUP)));
    }

    private TestMag spawn(MagNode node, MagConfig magConfig) {
        MagConfig config = magConfig.withBindackTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(4));
        TestProbe<MagEvent> events = kit.createTestProbe(MagEvent.class);
        return new TestMag(kit.spawn(MagActor.create(config, node, events.getRef()::tell, Clock.systemUTC())), events,
                WAIT);
    }

    private BindingView view(String mnId) {
        return lma.shard().binding(mnId).<BindingView>ask(BindingEntity.Get::new, WAIT).toCompletableFuture().join();
    }

    private MobilitySession session(String mnId) {
        BindingView view = view(mnId);
        assertEquals(1, view.sessions().size(), view.toString());
        return view.sessions().get(0);
    }

    private MobilitySession awaitSession(String mnId, Predicate<MobilitySession> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        MobilitySession s = session(mnId);
        while (!condition.test(s) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            s = session(mnId);
        }
        assertTrue(condition.test(s), s.toString());
        return s;
    }

    @Test
    void groupRefreshedPastTheBindingsLifetimeThenDeregisteredWithOneBulkPbuEach() throws Exception {
        TestMag mag = bulkMag();
        for (int i = 1; i <= MOBILE_NODES; i++) {
            mag.ref().tell(MagCommand.Attach.newAttachment("mn" + i + "@bulk.example",
                    Bytes.fromHex("02000000bb0" + i), AccessTechnologyType.IEEE_802_11));
            mag.expect(MagEvent.Registered.class, r -> true);
        }
        Instant registered = Instant.now();

        // RFC 6602: the registration PBAs put the bindings in the group, so the MAG refreshes it in bulk.
        MagEvent.BulkRefreshed first = mag.expect(MagEvent.BulkRefreshed.class, b -> b.groupIdentifier() == GROUP);
        assertEquals(MOBILE_NODES, first.members());
        assertEquals(LIFETIME, first.lifetime());
        // Keep going until every binding's own lifetime is well over: only the group's lease holds them.
        while (Duration.between(registered, Instant.now()).compareTo(LIFETIME.plusSeconds(1)) < 0) {
            mag.expect(MagEvent.BulkRefreshed.class, b -> b.groupIdentifier() == GROUP);
        }
        for (int i = 1; i <= MOBILE_NODES; i++) {
            MobilitySession s = session("mn" + i + "@bulk.example");
            // Its last own refresh (or a retransmitted registration) is a lifetime ago: only the lease keeps it.
            assertTrue(s.expiresAt().isBefore(Instant.now()), "its own lifetime is over: " + s);
            assertTrue(s.deleteAt().isEmpty(), "and it is still registered: " + s);
        }
        TestNode.awaitMetrics(lma, m -> m.count("bulk", "kind", "refresh", "status", "0") >= 2);

        // One bulk PBU de-registers the group: each member waits out MinDelayBeforeBCEDelete (RFC 5213 5.3.5).
        mag.ref().tell(new MagCommand.DetachGroup(GROUP));
        for (int i = 1; i <= MOBILE_NODES; i++) {
            assertEquals(0, mag.expect(MagEvent.Deregistered.class, d -> true).statusCode());
        }
        for (int i = 1; i <= MOBILE_NODES; i++) {
            awaitSession("mn" + i + "@bulk.example", MobilitySession::isDeregistered);
        }
        TestNode.awaitMetrics(lma, m -> m.count("bulk", "kind", "deregistration", "status", "0") == 1);

        // The group is gone: a bulk PBU for it is answered with 175, B set, naming the group.
        try (WireClient client = WireClient.udp("127.0.0.2", lma.udpAddress())) {
            client.send(ProxyBindingUpdate.fromFlags(77,
                    ProxyBindingUpdate.FLAG_A | ProxyBindingUpdate.FLAG_P | ProxyBindingUpdate.FLAG_B, 10,
                    List.of(MobileNodeGroupIdentifier.bulkBindingUpdateGroup(GROUP), Timestamp.of(Instant.now()))));
            ProxyBindingAcknowledgement pba = client.expect(ProxyBindingAcknowledgement.class,
                    a -> a.sequence() == 77, WAIT);
            assertEquals(BindingAckStatus.INVALID_MOBILE_NODE_GROUP_IDENTIFIER.code(), pba.statusCode());
            assertTrue(pba.bulkBindingUpdate());
            assertEquals(GROUP, pba.option(MobileNodeGroupIdentifier.class).orElseThrow().groupIdentifier());
        }
    }

    @Test
    void oneBulkGroupOfAMagIsRevokedThroughTheAdminApiWithOneIndication() throws Exception {
        InetAddress local = InetAddress.getByName(REVOKED_MAG);
        revokedNode = MagNode.open(TransportConfig.udpIpv4(local, 0));
        TestMag mag = spawn(revokedNode, MagConfig.defaults(local, lma.udpAddress().getAddress(),
                lma.udpAddress().getPort()).withBulk(BulkRefreshConfig.groupsOf(2, REVOKED_GROUP)));
        // Groups of two: g1 and g2 in REVOKED_GROUP, g3 in the next one.
        for (int i = 1; i <= 3; i++) {
            String mnId = "g" + i + "@group.example";
            mag.ref().tell(MagCommand.Attach.newAttachment(mnId, Bytes.fromHex("02000000cc0" + i),
                    AccessTechnologyType.IEEE_802_11));
            mag.expect(MagEvent.Registered.class, r -> r.mobileNodeIdentifier().equals(mnId));
        }
        awaitReadSide("\"groupId\":" + REVOKED_GROUP + ",\"members\":2");
        String revoke = "/api/mags/" + REVOKED_MAG + "/bindings?group=";
        assertEquals(400, admin("DELETE", revoke + "1").statusCode(), "1 is ALL-SESSIONS");
        assertEquals(400, admin("DELETE", revoke + "x").statusCode());
        assertEquals(400, admin("DELETE", revoke + "7&mnIds=a").statusCode());
        assertEquals(404, admin("DELETE", revoke + "4242").statusCode());

        HttpResponse<String> r = admin("DELETE", revoke + REVOKED_GROUP);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"flavour\":\"group\"") && r.body().contains("\"groupId\":" + REVOKED_GROUP)
                && r.body().contains("\"magAcknowledged\":true") && r.body().contains("\"status\":0"), r.body());
        assertTrue(r.body().contains("\"revokedMobileNodes\":[\"g1@group.example\",\"g2@group.example\"]"), r.body());
        mag.expect(MagEvent.Revoked.class, e -> e.mobileNodeIdentifier().equals("g1@group.example"));
        mag.expect(MagEvent.Revoked.class, e -> e.mobileNodeIdentifier().equals("g2@group.example"));
        assertTrue(view("g1@group.example").sessions().isEmpty());
        assertTrue(view("g2@group.example").sessions().isEmpty());
        assertEquals(1, view("g3@group.example").sessions().size(), "the MAG's other group stays");
        assertEquals(1, lma.metrics().snapshot().count("revocation", "flavour", "group"));
    }

    private void awaitReadSide(String fragment) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = admin("GET", "/api/mags/" + REVOKED_MAG).body();
            if (body.contains(fragment)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the listing never showed " + fragment + ": " + body);
    }

    private HttpResponse<String> admin(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lma.adminAddress().getPort() + path))
                .header("Authorization", "Bearer " + TOKEN).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }
}
