package io.pmip.lma.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pmip.lma.node.TestMag;
import io.pmip.lma.node.LmaNode;
import io.pmip.mag.BindingUpdateListEntry;
import io.pmip.mag.MagActor;
import io.pmip.mag.MagCommand;
import io.pmip.mag.MagConfig;
import io.pmip.mag.MagEvent;
import io.pmip.mag.MagNode;
import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.transport.TransportConfig;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API over real HTTP against a real LMA node (the in-memory journal, whose read journal serves
 * the event history), with a real mag-edge MAG registering mobile nodes over UDP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminApiTest {
    private static final String TOKEN = "s3cret-admin-token";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private LmaNode lma;
    private AdminClient admin;
    private ActorTestKit kit;
    private MagNode magNode;
    private TestMag mags;
    private final Map<String, List<Ipv6Prefix>> prefixes = new HashMap<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        lma = AdminTestNode.start(dir, TOKEN, "pmip.admin.revocation-timeout = 3s\n");
        admin = new AdminClient(lma.adminAddress(), TOKEN, WAIT);
        kit = ActorTestKit.create("admin-mags");
        InetAddress local = InetAddress.getByName("127.0.0.1");
        magNode = MagNode.open(TransportConfig.udpIpv4(local, 0));
        MagConfig config = MagConfig.defaults(local, lma.udpAddress().getAddress(), lma.udpAddress().getPort())
                .withRequestedLifetime(Duration.ofSeconds(3600))
                .withBindackTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(4));
        TestProbe<MagEvent> events = kit.createTestProbe(MagEvent.class);
        mags = new TestMag(kit.spawn(MagActor.create(config, magNode, events.getRef()::tell, Clock.systemUTC())),
                events, WAIT);
        attach("alice@lab.example", "020000000a01", AccessTechnologyType.IEEE_802_11);
        attach("bob@lab.example", "020000000a02", AccessTechnologyType.IEEE_802_11);
        attach("carol@lab.example", "020000000a03", AccessTechnologyType.E_UTRAN_3GPP);
        awaitListed(3);
    }

    @AfterAll
    void stop() {
        if (kit != null) {
            kit.shutdownTestKit();
        }
        if (magNode != null) {
            magNode.close();
        }
        if (lma != null) {
            lma.close();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void attach(String mnId, String linkLayer, AccessTechnologyType att) {
        mags.ref().tell(MagCommand.Attach.newAttachment(mnId, Bytes.fromHex(linkLayer), att));
        MagEvent.Registered r = mags.expect(MagEvent.Registered.class, e -> e.mobileNodeIdentifier().equals(mnId));
        prefixes.put(mnId, r.homeNetworkPrefixes());
    }

    /** The index follows the entities, which answer the MAG first: poll until it lists {@code count} bindings. */
    private JsonNode awaitListed(int count) throws Exception {
        return admin.await("/api/bindings", r -> r.json().path("total").asInt(-1) == count).json();
    }

    private static void assertError(AdminClient.Reply r, int status, String error) {
        assertEquals(status, r.status(), r.body());
        assertEquals(error, r.json().path("error").asText(), r.body());
        assertFalse(r.json().path("detail").asText().isBlank(), "detail says what was wrong: " + r.body());
    }

    // ---- tests ---------------------------------------------------------------------------------

    @Test
    @Order(1)
    void authorization() throws Exception {
        assertError(admin.call("GET", "/api/cluster", Optional.empty()), 401, "unauthorized");
        assertError(admin.call("GET", "/api/cluster", Optional.of("Bearer not-the-token")), 401, "unauthorized");
        assertError(admin.call("GET", "/api/cluster", Optional.of("Basic " + TOKEN)), 401, "unauthorized");
        assertEquals(200, admin.get("/api/cluster").status());
        // Unknown paths need the token too; metrics are closed by default, health open.
        assertEquals(401, admin.call("GET", "/api/nothing-here", Optional.empty()).status());
        assertEquals(401, admin.call("GET", "/metrics", Optional.empty()).status());
        assertEquals(200, admin.call("GET", "/health/alive", Optional.empty()).status());
        AdminClient.Reply ready = admin.call("GET", "/health/ready", Optional.empty());
        assertEquals(200, ready.status(), ready.body());
        assertEquals("ready", ready.json().path("status").asText());
        assertTrue(admin.call("GET", "/api/cluster", Optional.empty()).raw().headers()
                .firstValue("WWW-Authenticate").isPresent(), "401 names the scheme");
    }

    @Test
    @Order(1)
    void listingIsPagedWithTotalByOffsetAndCursor() throws Exception {
        JsonNode first = admin.get("/api/bindings?limit=2").json();
        assertEquals(3, first.path("total").asInt());
        assertEquals(2, first.path("bindings").size());
        assertEquals("alice@lab.example", first.path("bindings").get(0).path("mnId").asText());
        String cursor = first.path("nextCursor").asText();
        JsonNode second = admin.get("/api/bindings?limit=2&cursor=" + AdminClient.q(cursor)).json();
        assertEquals(3, second.path("total").asInt());
        assertEquals(1, second.path("bindings").size());
        assertEquals("carol@lab.example", second.path("bindings").get(0).path("mnId").asText());
        assertTrue(second.path("nextCursor").isNull(), second.toString());
        JsonNode byOffset = admin.get("/api/bindings?limit=2&offset=2").json();
        assertEquals("carol@lab.example", byOffset.path("bindings").get(0).path("mnId").asText());
        JsonNode session = first.path("bindings").get(0).path("sessions").get(0);
        assertEquals("127.0.0.1", session.path("servingMag").asText());
        assertEquals(prefixes.get("alice@lab.example").get(0).toString(),
                session.path("homeNetworkPrefixes").get(0).asText());
    }

    @Test
    @Order(1)
    void listingFilters() throws Exception {
        assertEquals(3, admin.get("/api/bindings?mag=127.0.0.1").json().path("total").asInt());
        assertEquals(0, admin.get("/api/bindings?mag=127.0.0.9").json().path("total").asInt());
        JsonNode lte = admin.get("/api/bindings?access=E_UTRAN_3GPP").json();
        assertEquals(1, lte.path("total").asInt());
        assertEquals("carol@lab.example", lte.path("bindings").get(0).path("mnId").asText());
        assertEquals(1, admin.get("/api/bindings?access=8").json().path("total").asInt(), "by RFC 5213 8.5 code");
        String alicePrefix = prefixes.get("alice@lab.example").get(0).toString();
        JsonNode byPrefix = admin.get("/api/bindings?prefix=" + AdminClient.q(alicePrefix)).json();
        assertEquals(1, byPrefix.path("total").asInt());
        assertEquals("alice@lab.example", byPrefix.path("bindings").get(0).path("mnId").asText());
        assertEquals(3, admin.get("/api/bindings?prefix=" + AdminClient.q("2001:db8:100::/48")).json().path("total").asInt());
        assertEquals(0, admin.get("/api/bindings?prefix=" + AdminClient.q("2001:db8:999::/48")).json().path("total").asInt());
    }

    @Test
    @Order(1)
    void badFiltersAre400() throws Exception {
        assertError(admin.get("/api/bindings?prefix=not-a-prefix"), 400, "bad_prefix");
        assertError(admin.get("/api/bindings?access=WIFI_7"), 400, "bad_access_technology");
        assertError(admin.get("/api/bindings?limit=0"), 400, "bad_parameter");
        assertError(admin.get("/api/bindings?limit=100000"), 400, "bad_parameter");
        assertError(admin.get("/api/bindings?limit=ten"), 400, "bad_parameter");
        assertError(admin.get("/api/bindings?offset=-1"), 400, "bad_parameter");
        assertError(admin.get("/api/bindings?mag=mag.example.org"), 400, "bad_mag");
        assertError(admin.get("/api/bindings?cursor=***"), 400, "bad_cursor");
        assertError(admin.get("/api/mags/not-an-ip"), 400, "bad_mag");
    }

    @Test
    @Order(1)
    void oneBindingAndItsEvents() throws Exception {
        AdminClient.Reply alice = admin.get("/api/bindings/" + AdminClient.q("alice@lab.example"));
        assertEquals(200, alice.status(), alice.body());
        JsonNode session = alice.json().path("sessions").get(0);
        assertEquals("127.0.0.1", session.path("servingMag").asText());
        assertEquals("IEEE_802_11", session.path("accessTechnology").asText());
        assertEquals(3600, session.path("lifetimeSeconds").asInt());

        AdminClient.Reply events = admin.get("/api/bindings/" + AdminClient.q("alice@lab.example") + "/events");
        assertEquals(200, events.status(), events.body());
        JsonNode first = events.json().path("events").get(0);
        assertEquals("Registered", first.path("type").asText());
        assertEquals(1, first.path("sequenceNr").asInt());
        assertEquals("alice@lab.example", first.path("mnId").asText());
        assertEquals("127.0.0.1", first.path("servingMag").asText());
        assertEquals("ACTIVE", first.path("status").asText());
        String prefix = first.path("prefixes").get(0).asText();
        assertEquals(session.path("homeNetworkPrefixes").get(0).asText(), prefix);

        // ?at: the state replayed up to an instant; nothing before the first event, the session after it
        Instant registeredAt = Instant.parse(first.path("at").asText());
        JsonNode now = admin.get("/api/bindings/" + AdminClient.q("alice@lab.example") + "/events?at=" + AdminClient.q(registeredAt.toString())).json();
        assertEquals(prefix, now.path("sessions").get(0).path("prefixes").get(0).asText(), now.toString());
        JsonNode before = admin.get("/api/bindings/" + AdminClient.q("alice@lab.example") + "/events?at="
                + AdminClient.q(registeredAt.minusMillis(1).toString())).json();
        assertEquals(0, before.path("sessions").size(), before.toString());
        assertError(admin.get("/api/bindings/" + AdminClient.q("alice@lab.example") + "/events?at=yesterday"), 400, "bad_parameter");

        assertError(admin.get("/api/bindings/nobody@lab.example"), 404, "unknown_mobile_node");
        assertError(admin.get("/api/bindings/nobody@lab.example/events"), 404, "unknown_mobile_node");
        assertError(admin.call("DELETE", "/api/bindings/nobody@lab.example", Optional.of("Bearer " + TOKEN)), 404,
                "unknown_mobile_node");
    }

    @Test
    @Order(1)
    void magsFromTheReadSide() throws Exception {
        JsonNode mags = admin.get("/api/mags").json().path("mags");
        assertEquals(1, mags.size(), mags.toString());
        JsonNode m = mags.get(0);
        assertEquals("127.0.0.1", m.path("mag").asText());
        assertTrue(m.path("bindings").asInt() >= 2, m.toString());
        // Heartbeats every 60 s by default: the MAG is a peer, not asked yet.
        assertEquals("unknown", m.path("heartbeatState").asText());
        assertTrue(m.path("restartCounter").isNull(), m.toString());
        assertEquals(0, m.path("missedHeartbeats").asInt(-1), m.toString());
        assertEquals("UDP_IPV4", m.path("transport").asText());
        assertTrue(m.path("bulkGroups").isMissingNode(), "groups only when one MAG is asked for: " + m);
        AdminClient.Reply one = admin.get("/api/mags/127.0.0.1");
        assertEquals(200, one.status());
        assertTrue(one.json().path("bulkGroups").isArray(), "its RFC 6602 groups (none: no bulk here): " + one.body());
        assertError(admin.get("/api/mags/127.0.0.9"), 404, "unknown_mag");
    }

    @Test
    @Order(1)
    void clusterAndPools() throws Exception {
        JsonNode cluster = admin.get("/api/cluster").json();
        assertEquals(1, cluster.path("members").size());
        assertEquals("Up", cluster.path("members").get(0).path("status").asText());
        assertTrue(cluster.path("members").get(0).path("self").asBoolean());
        JsonNode regions = cluster.path("sharding").path("Binding");
        long entities = 0;
        for (JsonNode r : regions) {
            entities += r.path("entities").asLong();
        }
        assertTrue(entities >= 2, "binding entities counted by GetClusterShardingStats: " + regions);
        assertError(admin.call("POST", "/api/cluster/nodes/" + AdminClient.q("10.9.9.9:1") + "/drain", Optional.of("Bearer " + TOKEN)),
                404, "unknown_node");

        JsonNode pools = admin.get("/api/prefix-pools").json().path("pools");
        assertEquals("default", pools.get(0).path("pool").asText());
        assertEquals(65536, pools.get(0).path("capacity").asLong());
        assertTrue(pools.get(0).path("allocated").asLong() >= 2, pools.toString());
        assertEquals("2001:db8:100::/48", pools.get(0).path("aggregates").get(0).path("aggregate").asText());
    }

    @Test
    @Order(1)
    void unknownPathsAndMethods() throws Exception {
        assertError(admin.get("/api/nothing-here"), 404, "not_found");
        assertError(admin.call("PUT", "/api/bindings", Optional.of("Bearer " + TOKEN)), 405, "method_not_allowed");
    }

    @Test
    @Order(1)
    void openApiCoversEveryRoute() throws Exception {
        AdminClient.Reply doc = admin.get("/api/openapi.yaml");
        assertEquals(200, doc.status());
        assertTrue(doc.body().startsWith("openapi: 3."), doc.body().substring(0, 40));
        assertEquals(AdminApi.openApiText(), doc.body());
        OpenApiCoverage.assertCovers(AdminApi.openApiText(), routes());
    }

    private List<Endpoint> routes() {
        // The router's table itself, so a route added without documentation fails here.
        return new AdminApi(new AdminApi.Context(lma.system(), lma.shard(), null, null, lma.metrics(),
                Optional.empty(), AdminSettings.fromConfig(lma.system().settings().config(), Map.of()))).endpoints();
    }

    // The last two tests add mobile nodes; the ones before count on exactly alice, bob and carol.
    @Test
    @Order(2)
    void revocationReachesTheMag() throws Exception {
        int before = admin.get("/api/bindings").json().path("total").asInt();
        attach("dave@lab.example", "020000000a04", AccessTechnologyType.IEEE_802_11);
        awaitListed(before + 1);
        AdminClient.Reply r = admin.call("DELETE", "/api/bindings/" + AdminClient.q("dave@lab.example"), Optional.of("Bearer " + TOKEN));
        assertEquals(200, r.status(), r.body());
        JsonNode outcome = r.json().path("revocations").get(0);
        assertEquals("127.0.0.1", outcome.path("mag").asText());
        assertEquals("acknowledged", outcome.path("outcome").asText(), r.body());
        assertEquals(0, outcome.path("status").asInt(), "RFC 5846 BRA status success");
        assertEquals(List.of("if-0"), JSON.convertValue(r.json().path("revokedSessions"), List.class));

        MagEvent.Revoked revoked = mags.expect(MagEvent.Revoked.class, e -> e.mobileNodeIdentifier().equals("dave@lab.example"));
        assertEquals(1, revoked.revocationTriggerCode(), "Administrative Reason");
        TestProbe<Map<String, BindingUpdateListEntry>> bul = kit.createTestProbe();
        mags.ref().tell(new MagCommand.GetBindingUpdateList(bul.getRef()));
        Map<String, BindingUpdateListEntry> entries = bul.receiveMessage(WAIT);
        assertFalse(entries.containsKey("dave@lab.example"), "the MAG's binding update list lost the entry");
        assertTrue(entries.containsKey("alice@lab.example"));

        assertError(admin.get("/api/bindings/" + AdminClient.q("dave@lab.example")), 404, "unknown_mobile_node");
        awaitListed(before);
        JsonNode events = admin.get("/api/bindings/" + AdminClient.q("dave@lab.example") + "/events").json().path("events");
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.path("type").asText()));
        assertTrue(types.contains("Revoked"), types.toString());
    }

    @Test
    @Order(3)
    void revocationProceedsWhenTheMagDoesNotAnswer() throws Exception {
        int before = admin.get("/api/bindings").json().path("total").asInt();
        // A second MAG on the same address registers gina, then goes away without a word.
        InetAddress local = InetAddress.getByName("127.0.0.1");
        MagNode silentNode = MagNode.open(TransportConfig.udpIpv4(local, 0));
        TestProbe<MagEvent> silentEvents = kit.createTestProbe(MagEvent.class);
        ActorRef<MagCommand> silent = kit.spawn(MagActor.create(MagConfig.defaults(local,
                lma.udpAddress().getAddress(), lma.udpAddress().getPort()).withRequestedLifetime(Duration.ofSeconds(3600)),
                silentNode, silentEvents.getRef()::tell, Clock.systemUTC()));
        silent.tell(MagCommand.Attach.newAttachment("gina@lab.example", Bytes.fromHex("020000000a07"),
                AccessTechnologyType.IEEE_802_11));
        silentEvents.expectMessageClass(MagEvent.PbuSent.class, WAIT);
        awaitListed(before + 1);
        kit.stop(silent);
        silentNode.close();

        PrometheusParser.Exposition metricsBefore = admin.scrape();
        AdminClient.Reply r = admin.call("DELETE", "/api/bindings/" + AdminClient.q("gina@lab.example"), Optional.of("Bearer " + TOKEN));
        assertEquals(200, r.status(), r.body());
        assertEquals("timeout", r.json().path("revocations").get(0).path("outcome").asText(), r.body());
        assertFalse(r.json().path("magsAcknowledged").asBoolean());
        assertEquals(List.of("if-0"), JSON.convertValue(r.json().path("revokedSessions"), List.class));
        assertError(admin.get("/api/bindings/" + AdminClient.q("gina@lab.example")), 404, "unknown_mobile_node");
        assertEquals(metricsBefore.valueOrZero("pmip_revocation_timeouts_total", Map.of()) + 1,
                admin.scrape().valueOrZero("pmip_revocation_timeouts_total", Map.of()));
    }

    @Test
    @Order(4)
    void metricsMoveWithSignaling() throws Exception {
        assertTrue(admin.get("/metrics").raw().headers().firstValue("Content-Type").orElse("")
                .startsWith("text/plain; version=0.0.4"), "Prometheus text exposition format");
        PrometheusParser.Exposition before = admin.scrape();
        for (String family : List.of("pmip_messages_received_total", "pmip_messages_sent_total",
                "pmip_malformed_messages_total", "pmip_pbu_rejected_total", "pmip_pba_latency_seconds",
                "pmip_bindings", "pmip_sessions", "pmip_revocations_sent_total", "pmip_revocation_acks_total",
                "pmip_heartbeat_peers", "pmip_bulk_groups", "pmip_redirects_total", "pmip_binding_entities",
                "pmip_journal_write_seconds", "pmip_shard_rebalances_total")) {
            assertTrue(before.types().containsKey(family), "TYPE of " + family);
            assertTrue(before.help().containsKey(family), "HELP of " + family);
        }
        assertEquals("histogram", before.types().get("pmip_pba_latency_seconds"));
        assertEquals("histogram", before.types().get("pmip_journal_write_seconds"));
        assertEquals("counter", before.types().get("pmip_messages_received_total"));

        attach("erin@lab.example", "020000000a05", AccessTechnologyType.IEEE_802_11);
        attach("frank@lab.example", "020000000a06", AccessTechnologyType.IEEE_802_11);
        PrometheusParser.Exposition after = admin.awaitScrape(e -> e.valueOrZero("pmip_pba_latency_seconds_count", Map.of())
                >= before.valueOrZero("pmip_pba_latency_seconds_count", Map.of()) + 2);

        Map<String, String> pbu = Map.of("type", "PBU");
        assertTrue(after.valueOrZero("pmip_messages_received_total", pbu)
                >= before.valueOrZero("pmip_messages_received_total", pbu) + 2);
        Map<String, String> pbaOk = Map.of("type", "PBA", "status", "0");
        assertTrue(after.valueOrZero("pmip_messages_sent_total", pbaOk)
                >= before.valueOrZero("pmip_messages_sent_total", pbaOk) + 2);
        double count = after.valueOrZero("pmip_pba_latency_seconds_count", Map.of());
        assertEquals(count, after.valueOrZero("pmip_pba_latency_seconds_bucket", Map.of("le", "+Inf")));
        assertTrue(after.valueOrZero("pmip_pba_latency_seconds_sum", Map.of()) > 0);
        assertTrue(after.valueOrZero("pmip_pba_latency_seconds_bucket", Map.of("le", "10"))
                >= after.valueOrZero("pmip_pba_latency_seconds_bucket", Map.of("le", "0.001")), "cumulative buckets");
        // two registrations journal at least two events, each write timed by the journal plugin
        assertTrue(after.valueOrZero("pmip_journal_write_seconds_count", Map.of())
                >= before.valueOrZero("pmip_journal_write_seconds_count", Map.of()) + 2, "journal writes timed");
        assertEquals(after.valueOrZero("pmip_journal_write_seconds_count", Map.of()),
                after.valueOrZero("pmip_journal_write_seconds_bucket", Map.of("le", "+Inf")));
        // Sessions per node: this lone node hosts every binding entity, so it counts every session.
        PrometheusParser.Exposition perNode = admin.awaitScrape(e -> e.valueOrZero("pmip_sessions", Map.of())
                >= before.valueOrZero("pmip_sessions", Map.of()) + 2);
        assertEquals("gauge", perNode.types().get("pmip_sessions"));
        assertEquals(admin.get("/api/bindings").json().path("total").asDouble(),
                perNode.valueOrZero("pmip_bindings", Map.of()), "the listing of a one-node cluster is this node's");
        assertTrue(perNode.valueOrZero("pmip_binding_index_updates_total", Map.of())
                >= before.valueOrZero("pmip_binding_index_updates_total", Map.of()) + 2, "both registrations indexed");
    }
}
