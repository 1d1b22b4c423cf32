package io.pmip.lma.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.pmip.persistence.PersistenceConfig;
import io.pmip.persistence.cassandra.LocalCassandra;
import io.pmip.persistence.schema.SchemaMigration;
import io.pmip.persistence.schema.SchemaSettings;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The number of shards recorded by the first node and enforced on every later one, against a real Cassandra. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardingLayoutTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private LocalCassandra cassandra;
    private ActorSystem<Void> system;
    private Config config;

    @BeforeAll
    void start() {
        cassandra = LocalCassandra.forTests(dir.resolve("cassandra"));
        cassandra.start(LocalCassandra.DEFAULT_START_TIMEOUT);
        config = PersistenceConfig.forContactPoint(cassandra.contactPointString());
        new SchemaMigration(SchemaSettings.fromConfig(config).withJournalKeyspace("layout_journal"))
                .apply(List.of(cassandra.contactPoint()), "datacenter1");
        new SchemaMigration(SchemaSettings.fromConfig(config))
                .apply(List.of(cassandra.contactPoint()), "datacenter1");
        system = ActorSystem.create(Behaviors.empty(), "sharding-layout", config);
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.terminate();
        }
        if (cassandra != null) {
            cassandra.close();
        }
    }

    private ShardingLayout layout(String keyspace) {
        return ShardingLayout.of(system, ConfigFactory.parseMap(
                Map.of("pekko.persistence.cassandra.journal.keyspace", keyspace)).withFallback(config));
    }

    @Test
    void theFirstNodeRecordsItsNumberLaterNodesMatchItAndAnotherNumberIsRefused() {
        ShardingLayout layout = layout("layout_journal");
        assertEquals(ShardingLayout.Outcome.RECORDED, layout.verify(100, "10.0.0.1:25520", false, TIMEOUT));
        assertEquals(ShardingLayout.Outcome.MATCHED, layout.verify(100, "10.0.0.2:25520", false, TIMEOUT));
        assertEquals(ShardingLayout.Outcome.MATCHED, layout.verify(100, "10.0.0.1:25520", false, TIMEOUT), "a restart");

        ShardingLayout.MismatchException refused = assertThrows(ShardingLayout.MismatchException.class,
                () -> layout.verify(1000, "10.0.0.3:25520", false, TIMEOUT));
        assertEquals(1000, refused.configured());
        assertEquals(100, refused.recorded());
        assertTrue(refused.getMessage().contains("recorded by 10.0.0.1:25520"), refused.getMessage());
        // The refused node changed nothing: the record is still the first node's.
        assertEquals(ShardingLayout.Outcome.MATCHED, layout.verify(100, "10.0.0.4:25520", false, TIMEOUT));
    }

    @Test
    void aJournalThatNodesUsedBeforeTheCheckIsRefusedUntilTheOperatorVouchesForTheNumber() {
        new SchemaMigration(SchemaSettings.fromConfig(config).withJournalKeyspace("older_journal"))
                .apply(List.of(cassandra.contactPoint()), "datacenter1");
        // What a node of an earlier version left: its remembered shards, and no recorded number.
        try (var cql = SchemaMigration.openSession(List.of(cassandra.contactPoint()), "datacenter1")) {
            cql.execute("INSERT INTO older_journal.messages (persistence_id, partition_nr, sequence_nr, timestamp)"
                    + " VALUES ('" + ShardingLayout.EARLIER_SHARDING + "', 0, 1, now())");
        }
        ShardingLayout layout = layout("older_journal");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> layout.verify(100, "10.0.0.1:25520", false, TIMEOUT));
        assertTrue(refused.getMessage().contains("adopt-unrecorded-number-of-shards"), refused.getMessage());

        assertEquals(ShardingLayout.Outcome.RECORDED, layout.verify(1000, "10.0.0.1:25520", true, TIMEOUT));
        assertEquals(ShardingLayout.Outcome.MATCHED, layout.verify(1000, "10.0.0.2:25520", false, TIMEOUT));
        assertThrows(ShardingLayout.MismatchException.class, () -> layout.verify(100, "10.0.0.3:25520", true, TIMEOUT),
                "once recorded, the number is not adopted again");
    }

    @Test
    void aJournalWithoutTheTableIsAnErrorThatSaysToApplyTheSchema() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> layout("no_such_journal").verify(100, "10.0.0.1:25520", false, TIMEOUT));
        assertTrue(e.getMessage().contains("pmip schema apply"), e.getMessage());
    }

    @Test
    void aNodeConfiguredWithAnotherNumberOfShardsDoesNotStartAndLeavesItsPortFree() throws Exception {
        layout("pmip_journal").verify(100, "10.0.0.1:25520", false, TIMEOUT);
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path file = dir.resolve("lma.conf");
        Files.writeString(file, """
                pmip.lma.node { journal = cassandra, udp { enabled = true, address = "127.0.0.1", port = %d }, mh.enabled = false }
                pmip.cassandra.contact-points = ["%s"]
                pekko.cluster.sharding.number-of-shards = 7
                pekko.remote.artery.canonical.port = 0
                pekko.coordinated-shutdown.exit-jvm = off
                pekko.loglevel = WARNING
                """.formatted(port, cassandra.contactPointString()));

        ShardingLayout.MismatchException e = assertThrows(ShardingLayout.MismatchException.class,
                () -> LmaNode.start(LmaConfig.load(Optional.of(file), Map.of())));
        assertEquals(7, e.configured());
        assertEquals(100, e.recorded());
        // Refused before the signaling transports opened: nothing of the node is left bound.
        try (DatagramSocket again = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            assertEquals(port, again.getLocalPort());
        }
    }
}
