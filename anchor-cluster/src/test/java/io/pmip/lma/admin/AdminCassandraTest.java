package io.pmip.lma.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pmip.lma.history.HistoryJson;
import io.pmip.lma.history.ReplaySystem;
import io.pmip.lma.node.LmaConfig;
import io.pmip.lma.node.LmaNode;
import io.pmip.mag.MagActor;
import io.pmip.mag.MagCommand;
import io.pmip.mag.MagConfig;
import io.pmip.mag.MagEvent;
import io.pmip.mag.MagNode;
import io.pmip.persistence.PersistenceConfig;
import io.pmip.persistence.cassandra.LocalCassandra;
import io.pmip.persistence.schema.SchemaMigration;
import io.pmip.persistence.schema.SchemaSettings;
import io.pmip.protocol.Bytes;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.transport.TransportConfig;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listings and event history with the Cassandra journal, end to end, and a listing that comes back
 * after the node restarts (its remembered binding recovers and indexes itself).
 */
class AdminCassandraTest {
    private static final String TOKEN = "cassandra-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path file;
    private static LocalCassandra cassandra;
    private static LmaNode lma;
    private static ActorTestKit kit;
    private static MagNode magNode;

    @BeforeAll
    static void start() throws Exception {
        cassandra = LocalCassandra.forTests(dir.resolve("cassandra"));
        cassandra.start(LocalCassandra.DEFAULT_START_TIMEOUT);
        new SchemaMigration(SchemaSettings.fromConfig(PersistenceConfig.forContactPoint(cassandra.contactPointString())))
                .apply(List.of(cassandra.contactPoint()), "datacenter1");
        file = dir.resolve("lma.conf");
        Files.writeString(file, """
                pmip.lma.node { journal = cassandra, udp { enabled = true, address = "127.0.0.1", port = 0 }, mh.enabled = false }
                pmip.lma.node.restart-counter-file = "%s"
                pmip.cassandra.contact-points = ["%s"]
                pmip.lma { mag-peers = ["127.0.0.1"], timestamp-validity-window = 5s }
                pmip.lma.prefix-pools.default { aggregates = ["2001:db8:100::/48"], prefix-length = 64, shards-per-aggregate = 2 }
                pmip.admin { port = 0, token = "%s" }
                pekko.remote.artery.canonical.port = 0
                pekko.coordinated-shutdown.exit-jvm = off
                pekko.loglevel = WARNING
                """.formatted(dir.resolve("rc").toString().replace("\\", "/"), cassandra.contactPointString(), TOKEN));
        lma = LmaNode.start(LmaConfig.load(Optional.of(file), Map.of())).awaitUp(Duration.ofSeconds(60));
        kit = ActorTestKit.create("admin-cassandra-mags");
    }

    @AfterAll
    static void stop() {
        if (kit != null) {
            kit.shutdownTestKit();
        }
        if (magNode != null) {
            magNode.close();
        }
        if (lma != null) {
            lma.close();
        }
        if (cassandra != null) {
            cassandra.close();
        }
    }

    @Test
    void listsAndReplaysFromCassandra() throws Exception {
        InetAddress local = InetAddress.getByName("127.0.0.1");
        magNode = MagNode.open(TransportConfig.udpIpv4(local, 0));
        TestProbe<MagEvent> events = kit.createTestProbe(MagEvent.class);
        ActorRef<MagCommand> mag = kit.spawn(MagActor.create(MagConfig.defaults(local, lma.udpAddress().getAddress(),
                lma.udpAddress().getPort()).withRequestedLifetime(Duration.ofSeconds(3600)), magNode,
                events.getRef()::tell, Clock.systemUTC()));
        mag.tell(MagCommand.Attach.newAttachment("hana@lab.example", Bytes.fromHex("020000000b01"),
                AccessTechnologyType.IEEE_802_11));
        events.fishForMessage(Duration.ofSeconds(30), e -> e instanceof MagEvent.Registered
                ? org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.complete()
                : org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.continueAndIgnore());

        AdminClient admin = new AdminClient(lma.adminAddress(), TOKEN, Duration.ofSeconds(60));
        assertEquals(200, admin.get("/health/ready").status(), "journal reachable");
        JsonNode page = admin.await("/api/bindings", r -> r.json().path("total").asInt() == 1).json();
        assertEquals("hana@lab.example", page.path("bindings").get(0).path("mnId").asText());
        AdminClient.Reply history = admin.get("/api/bindings/hana@lab.example/events");
        assertEquals(200, history.status(), history.body());
        assertEquals("Registered", history.json().path("events").get(0).path("type").asText());
        // the same document `pmip replay --mn hana@lab.example --json` prints, read by a replay system of its own
        try (ReplaySystem replay = ReplaySystem.start(ReplaySystem.config(Optional.of(file), Map.of()))) {
            String printed = HistoryJson.timeline("hana@lab.example", replay.history().timeline("hana@lab.example")
                    .toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertEquals(JSON.readTree(printed), history.json());
        }
        assertEquals(404, admin.get("/api/bindings/nobody@lab.example/events").status());

        // the Cassandra journal plugin times its writes: hana's registration is at least one. A write is recorded
        // in a callback of its own once it completes, racing the entity's reply (and so the PBA): wait for it.
        PrometheusParser.Exposition scraped = admin.awaitScrape(
                e -> e.valueOrZero("pmip_journal_write_seconds_count", Map.of()) >= 1);
        assertTrue(scraped.valueOrZero("pmip_journal_write_seconds_count", Map.of()) >= 1);
        assertTrue(scraped.valueOrZero("pmip_journal_write_seconds_sum", Map.of()) > 0);

        // A restarted node lists the binding again, from the entity's recovery alone.
        lma.close();
        lma = LmaNode.start(LmaConfig.load(Optional.of(file), Map.of())).awaitUp(Duration.ofSeconds(60));
        AdminClient restarted = new AdminClient(lma.adminAddress(), TOKEN, Duration.ofSeconds(60));
        JsonNode again = restarted.await("/api/bindings", r -> r.json().path("total").asInt() == 1).json();
        assertEquals("hana@lab.example", again.path("bindings").get(0).path("mnId").asText());
        assertEquals(List.of("hana@lab.example"), JSON.convertValue(restarted.get("/api/mags/127.0.0.1").json()
                .path("mobileNodes"), List.class), "the MAG view too");
    }
}
