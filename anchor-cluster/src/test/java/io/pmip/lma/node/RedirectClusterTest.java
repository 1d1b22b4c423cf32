package io.pmip.lma.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.mag.MagActor;
import io.pmip.mag.MagCommand;
import io.pmip.mag.MagConfig;
import io.pmip.mag.MagEvent;
import io.pmip.mag.MagNode;
import io.pmip.mag.PbuKind;
import io.pmip.protocol.Bytes;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingRevocationAcknowledgement;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.RevocationStatus;
import io.pmip.protocol.mh.RevocationTrigger;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two LMA nodes in one JVM share the anycast UDP address 127.0.0.1:P (SO_REUSEPORT) and each has
 * its own unicast address on the same port (127.0.0.2, 127.0.0.3). Real mag-edge MAGs are
 * redirected (RFC 6463), revoked by either node (RFC 5846: the BRA comes back to the node that sent
 * the BRI), and moved off a node that drains.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedirectClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOKEN = "redirect-token";
    private static final String CONFIG = """
            pmip.lma.node {
              journal = inmem
              udp { enabled = true, address = "127.0.0.1", port = %d }
              mh.enabled = false
              unicast.udp.address = "%s"
              redirect { enabled = on, gossip-interval = 200ms }
              drain-timeout = 3s
              restart-counter-file = "%s"
            }
            pmip.lma {
              mag-peers = ["127.0.0.19", "127.0.0.11", "127.0.0.12", "127.0.0.14", "127.0.0.15", "127.0.0.16", "127.0.0.17", "127.0.0.18"]
              timestamp-validity-window = 5s
              prefix-pools.default { aggregates = ["2001:db8:100::/48"], prefix-length = 64, shards-per-aggregate = 4 }
            }
            pmip.admin { port = 0, token = "%s" }
            pekko.remote.artery.canonical.port = 0
            pekko.cluster.seed-nodes = [%s]
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.loglevel = WARNING
            """;

    private LmaNode first;
    private LmaNode second;
    private ActorTestKit kit;
    private final List<MagNode> magNodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        first = node(dir, "first", 0, "127.0.0.2", "");
        int port = first.udpAddress().getPort();
        second = node(dir, "second", port, "127.0.0.3",
                "\"pekko://" + LmaConfig.ACTOR_SYSTEM_NAME + "@" + first.clusterAddress() + "\"");
        // Both nodes must know both loads before a redirect can pick either.
        awaitCondition(() -> first.loads().candidates(false).size() == 2 && second.loads().candidates(false).size() == 2,
                "both nodes in both load views");
        kit = ActorTestKit.create("redirect-mags");
    }

    @AfterAll
    void stop() {
        if (kit != null) {
            kit.shutdownTestKit();
        }
        magNodes.forEach(MagNode::close);
        for (LmaNode n : new LmaNode[] {second, first}) {
            if (n != null) {
                n.close();
            }
        }
    }

    private static LmaNode node(Path dir, String name, int port, String unicast, String seeds) throws Exception {
        Path file = dir.resolve(name + ".conf");
        Files.writeString(file, CONFIG.formatted(port, unicast,
                dir.resolve(name + "-rc").toString().replace("\\", "/"), TOKEN, seeds));
        return LmaNode.start(LmaConfig.load(Optional.of(file), Map.of())).awaitUp(Duration.ofSeconds(30));
    }

    private TestMag mag(String address, boolean redirectCapable) throws Exception {
        return mag(address, 0, redirectCapable);
    }

    private TestMag mag(String address, int port, boolean redirectCapable) throws Exception {
        InetAddress local = InetAddress.getByName(address);
        MagNode node = MagNode.open(TransportConfig.udpIpv4(local, port).withReusePort(false));
        magNodes.add(node);
        MagConfig config = MagConfig.defaults(local, first.udpAddress().getAddress(), first.udpAddress().getPort())
                .withBindackTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(8))
                .withRedirectCapability(redirectCapable);
        TestProbe<MagEvent> events = kit.createTestProbe(MagEvent.class);
        ActorRef<MagCommand> ref = kit.spawn(MagActor.create(config, node, events.getRef()::tell, Clock.systemUTC()));
        return new TestMag(ref, events, WAIT);
    }

    private static void attach(TestMag mag, String mnId, int n) {
        mag.ref().tell(MagCommand.Attach.newAttachment(mnId, Bytes.fromHex(String.format("0200000001%02x", n)),
                AccessTechnologyType.IEEE_802_11));
    }

    private long redirects() {
        return first.metrics().snapshot().count("redirect") + second.metrics().snapshot().count("redirect");
    }

    @Test
    @Order(1)
    void aCapableMagIsRedirectedToOneNodesUnicastAddressAndStaysThere() throws Exception {
        long before = redirects();
        TestMag mag = mag("127.0.0.11", true);
        attach(mag, "r1@lab.example", 1);
        MagEvent.Redirected redirected = mag.expect(MagEvent.Redirected.class, r -> true);
        String to = redirected.to().getHostAddress();
        assertTrue(to.equals("127.0.0.2") || to.equals("127.0.0.3"), to);
        mag.expect(MagEvent.Registered.class, r -> r.mobileNodeIdentifier().equals("r1@lab.example"));
        assertTrue(redirects() > before);

        attach(mag, "r2@lab.example", 2);
        mag.expect(MagEvent.Registered.class, r -> r.mobileNodeIdentifier().equals("r2@lab.example"));
        LmaNode assigned = to.equals("127.0.0.2") ? first : second;
        assertEquals(redirected.to(), assigned.ingress().magContacts().get("127.0.0.11").lmaAddress(),
                "the second registration went to the assigned node's unicast address");
    }

    @Test
    @Order(2)
    void aMagWithoutRedirectCapabilityIsServedWhereItsPbuLands() throws Exception {
        long before = redirects();
        TestMag mag = mag("127.0.0.12", false);
        attach(mag, "plain@lab.example", 3);
        mag.expect(MagEvent.Registered.class, r -> r.kind() == PbuKind.INITIAL);
        assertEquals(before, redirects());
        LmaNode served = first.ingress().magContacts().containsKey("127.0.0.12") ? first : second;
        assertEquals(InetAddress.getByName("127.0.0.1"), served.ingress().magContacts().get("127.0.0.12").lmaAddress());
    }

    /**
     * Each node revokes a binding of each of three MAGs: the MAGs' BRAs go to the unicast address
     * the BRI came from, so the node awaiting each one gets it (through the shared anycast port the
     * kernel would hand some of them to the other node). The MAGs listen on the PMIP port 5436 (RFC
     * 5844), where a node that never heard from a MAG reaches it, on addresses nothing else here uses.
     */
    @Test
    @Order(3)
    void eitherNodesRevocationsAreAcknowledgedToThatNode() throws Exception {
        int n = 10;
        for (String address : List.of("127.0.0.15", "127.0.0.16", "127.0.0.17")) {
            TestMag mag = mag(address, 5436, true);
            for (LmaNode node : List.of(first, second)) {
                String mnId = "revoked-" + n + "@lab.example";
                attach(mag, mnId, n++);
                mag.expect(MagEvent.Registered.class, r -> r.mobileNodeIdentifier().equals(mnId));
                HttpResponse<String> r = admin(node, "DELETE", "/api/bindings/" + mnId);
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(r.body().contains("\"outcome\":\"acknowledged\""), node.clusterAddress() + ": " + r.body());
                MagEvent.Revoked revoked = mag.expect(MagEvent.Revoked.class, e -> e.mobileNodeIdentifier().equals(mnId));
                assertEquals(RevocationTrigger.ADMINISTRATIVE_REASON.code(), revoked.revocationTriggerCode());
            }
        }
    }

    @Test
    @Order(4)
    void aMagsBindingsAreRevokedInBulkAndThenAllAtOnce() throws Exception {
        TestMag mag = mag("127.0.0.18", 5436, true);
        for (int i = 1; i <= 3; i++) {
            String mnId = "bulk-" + i + "@lab.example";
            attach(mag, mnId, 30 + i);
            mag.expect(MagEvent.Registered.class, r -> r.mobileNodeIdentifier().equals(mnId));
        }
        HttpResponse<String> bulk = admin(first, "DELETE",
                "/api/mags/127.0.0.18/bindings?mnIds=bulk-1@lab.example,bulk-2@lab.example");
        assertEquals(200, bulk.statusCode(), bulk.body());
        assertTrue(bulk.body().contains("\"flavour\":\"bulk\"") && bulk.body().contains("\"magAcknowledged\":true"),
                bulk.body());
        mag.expect(MagEvent.Revoked.class, e -> e.mobileNodeIdentifier().equals("bulk-1@lab.example"));
        mag.expect(MagEvent.Revoked.class, e -> e.mobileNodeIdentifier().equals("bulk-2@lab.example"));

        // Global: every node lists the MAG's remaining binding, wherever its entity runs (a listing asks
        // every node's index).
        for (LmaNode node : List.of(first, second)) {
            awaitCondition(() -> lists(node, "127.0.0.18", "bulk-3@lab.example"),
                    "node " + node.clusterAddress() + " lists the MAG's binding");
        }
        HttpResponse<String> global = admin(first, "DELETE", "/api/mags/127.0.0.18/bindings");
        assertEquals(200, global.statusCode(), global.body());
        assertTrue(global.body().contains("\"flavour\":\"mag\"") && global.body().contains("bulk-3@lab.example")
                && global.body().contains("\"magAcknowledged\":true"), global.body());
        mag.expect(MagEvent.Revoked.class, e -> e.mobileNodeIdentifier().equals("bulk-3@lab.example"));
        assertEquals(1, first.metrics().snapshot().count("revocation", "flavour", "bulk"));
        assertEquals(1, first.metrics().snapshot().count("revocation", "flavour", "mag"));
    }

    @Test
    @Order(5)
    void anAcknowledgementThatReachesTheOtherNodeIsRelayedToTheSender() throws Exception {
        // A hand-driven MAG answers the first node's BRI to the second node, as an anycast route may.
        try (WireClient mag = WireClient.udp("127.0.0.19", first.unicastUdpAddress())) {
            // Registering through the first node makes the MAG known there (address and port).
            mag.send(WireClient.attachment("relay@lab.example", 1, "020000000f01"));
            mag.expect(ProxyBindingAcknowledgement.class, a -> a.statusCode() == 0, WAIT);
            CompletableFuture<BindingRevocationAcknowledgement> acknowledged = first.ingress().revoke("127.0.0.19",
                    sequence -> BindingRevocationIndication.of(RevocationTrigger.ADMINISTRATIVE_REASON, sequence,
                            true, true, List.of()), Duration.ofSeconds(10)).toCompletableFuture();
            BindingRevocationIndication bri = mag.expect(BindingRevocationIndication.class, i -> true, WAIT);
            mag.sendTo(second.unicastUdpAddress(), BindingRevocationAcknowledgement.of(RevocationStatus.SUCCESS,
                    bri.sequence(), true, true, List.of()));
            BindingRevocationAcknowledgement bra = acknowledged.get(15, TimeUnit.SECONDS);
            assertEquals(bri.sequence(), bra.sequence());
            // The counters move just after the acknowledgement is handed on, on the nodes' own threads.
            awaitCondition(() -> second.metrics().snapshot().count("revocation_ack_relayed", "outcome", "published") == 1,
                    "the second node counts one acknowledgement published");
            awaitCondition(() -> first.metrics().snapshot().count("revocation_ack_relayed", "outcome", "matched") == 1,
                    "the first node counts one relayed acknowledgement matched");
        }
    }

    @Test
    @Order(6)
    void drainingANodeMovesItsMagsAndTheOtherNodeRedirectsThemToItself() throws Exception {
        TestMag mag = mag("127.0.0.14", true);
        attach(mag, "d1@lab.example", 40);
        MagEvent.Redirected redirected = mag.expect(MagEvent.Redirected.class, r -> true);
        mag.expect(MagEvent.Registered.class, r -> r.mobileNodeIdentifier().equals("d1@lab.example"));
        // The drained node moves the MAGs that signal to it: this one does from its second registration on.
        attach(mag, "d2@lab.example", 41);
        mag.expect(MagEvent.Registered.class, r -> r.mobileNodeIdentifier().equals("d2@lab.example"));
        LmaNode drained = redirected.to().getHostAddress().equals("127.0.0.2") ? first : second;
        LmaNode survivor = drained == first ? second : first;
        // The drained node finds the MAG's bindings on every node, its own or not.
        assertTrue(lists(drained, "127.0.0.14", "d2@lab.example"), "the drained node lists the MAG's bindings");

        // Through the survivor's API: any node can drain any other.
        HttpResponse<String> r = admin(survivor, "POST", "/api/cluster/nodes/" + drained.clusterAddress() + "/drain");
        assertEquals(202, r.statusCode(), r.body());
        MagEvent.Revoked revoked = mag.expect(MagEvent.Revoked.class, e -> e.mobileNodeIdentifier().equals("d1@lab.example"));
        assertEquals(RevocationTrigger.PER_PEER_POLICY.code(), revoked.revocationTriggerCode());
        assertEquals("global revocation", mag.expect(MagEvent.FellBack.class, e -> true).reason());
        drained.system().getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        // RFC 5846: what it revoked ends at the LMA too (journaled with reason "drain").
        // d1's and d2's sessions at least; the drained node moves every MAG assigned to it, earlier tests' too.
        long ended = drained.metrics().snapshot().count("drain_sessions_ended");
        assertTrue(ended >= 2, ended + " sessions ended");

        // The next initial PBU goes to the anycast address; only the survivor is left to redirect it.
        attach(mag, "d3@lab.example", 42);
        MagEvent.Redirected again = mag.expect(MagEvent.Redirected.class, e -> true);
        assertNotEquals(redirected.to(), again.to());
        assertEquals(survivor.unicastUdpAddress().getAddress(), again.to());
        mag.expect(MagEvent.Registered.class, e -> e.mobileNodeIdentifier().equals("d3@lab.example"));
    }

    private HttpResponse<String> admin(LmaNode node, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminAddress().getPort() + path))
                .header("Authorization", "Bearer " + TOKEN).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean lists(LmaNode node, String mag, String mnId) {
        try {
            HttpResponse<String> r = admin(node, "GET", "/api/mags/" + mag);
            return r.statusCode() == 200 && r.body().contains(mnId);
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never: " + what);
            }
            Thread.sleep(50);
        }
    }
}
