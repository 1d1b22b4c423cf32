package io.pmip.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.typesafe.config.Config;
import io.pmip.persistence.cassandra.CassandraStatus;
import io.pmip.persistence.cassandra.LocalCassandra;
import io.pmip.persistence.schema.SchemaMigration;
import io.pmip.persistence.schema.SchemaSettings;
import org.apache.pekko.Done;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.DeleteMessagesFailure;
import org.apache.pekko.persistence.DeleteMessagesSuccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal against a real Cassandra 5.0 node: one node per class, on free ports, in a
 * temporary directory, stopped at the end.
 */
class CassandraJournalTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private static LocalCassandra cassandra;
    private static Config config;
    private static SchemaSettings schema;
    private static CqlSession session;

    @BeforeAll
    static void startCassandra() {
        cassandra = LocalCassandra.forTests(dataDir);
        CassandraStatus status = cassandra.start(LocalCassandra.DEFAULT_START_TIMEOUT);
        assertTrue(status.running(), status.toString());
        config = PersistenceConfig.forContactPoint(cassandra.contactPointString());
        schema = SchemaSettings.fromConfig(config);
        session = SchemaMigration.openSession(List.of(cassandra.contactPoint()), "datacenter1");
        new SchemaMigration(schema).apply(session);
    }

    @AfterAll
    static void stopCassandra() {
        if (session != null) {
            session.close();
        }
        if (cassandra != null) {
            cassandra.close();
            assertEquals(CassandraStatus.State.STOPPED, cassandra.status().state());
        }
    }

    @Test
    void eventsAreRecoveredFromTheJournalByANewActorSystem() {
        ActorTestKit first = ActorTestKit.create("journal-first", config);
        try {
            add(first, "mn-1", List.of(3, 4, 5));
        } finally {
            first.shutdownTestKit();
        }

        ActorTestKit second = ActorTestKit.create("journal-second", config);
        try {
            ActorRef<Counter.Command> recovered = second.spawn(Counter.create("mn-1"));
            TestProbe<Counter.State> state = second.createTestProbe();
            recovered.tell(new Counter.Get(state.getRef()));
            assertEquals(new Counter.State(12, List.of(3, 4, 5)), state.expectMessageClass(Counter.State.class, TIMEOUT));
        } finally {
            second.shutdownTestKit();
        }

        List<Row> rows = session.execute("SELECT ser_manifest, ser_id FROM " + schema.journalKeyspace()
                + ".messages WHERE persistence_id = 'Counter|mn-1' AND partition_nr = 0").all();
        assertEquals(3, rows.size(), "three events in Cassandra's messages table");
        // jackson-cbor is Pekko's serializer id 33; the manifest is the event class
        for (Row row : rows) {
            assertEquals(33, row.getInt("ser_id"));
            assertEquals(Counter.Added.class.getName(), row.getString("ser_manifest"));
        }
    }

    @Test
    void shardingStoresDeleteEventsOnTheSameTablesWhileTheEntityJournalRefusesTo() {
        ActorTestKit kit = ActorTestKit.create("journal-deletes", config);
        try {
            add(kit, "mn-del", List.of(1, 2, 3));
            TestProbe<Object> answers = kit.createTestProbe();
            // The test kit's system has a typed guardian: classic actors start as system actors.
            ExtendedActorSystem classic = (ExtendedActorSystem) Adapter.toClassic(kit.system());

            classic.systemActorOf(Deleter.props("Counter|mn-del", "pmip.cassandra-sharding.journal",
                    Adapter.toClassic(answers.getRef())), "deleter-sharding").tell(2L, org.apache.pekko.actor.ActorRef.noSender());
            assertEquals(2L, answers.expectMessageClass(DeleteMessagesSuccess.class, TIMEOUT).toSequenceNr());

            classic.systemActorOf(Deleter.props("Counter|mn-del", "pekko.persistence.cassandra.journal",
                    Adapter.toClassic(answers.getRef())), "deleter-entities").tell(3L, org.apache.pekko.actor.ActorRef.noSender());
            answers.expectMessageClass(DeleteMessagesFailure.class, TIMEOUT);
        } finally {
            kit.shutdownTestKit();
        }
        Row deletedTo = session.execute("SELECT deleted_to FROM " + schema.journalKeyspace()
                + ".metadata WHERE persistence_id = 'Counter|mn-del'").one();
        assertEquals(2L, deletedTo.getLong("deleted_to"), "the sharding plugin wrote to the entities' tables");
    }

    @Test
    void applyingTheSchemaAgainChangesNothing() {
        Set<String> before = tables();
        int statements = new SchemaMigration(schema).apply(session);
        assertEquals(new SchemaMigration(schema).statements().size(), statements);
        assertEquals(before, tables());
        assertEquals(new TreeSet<>(List.of(
                "pmip_journal.all_persistence_ids", "pmip_journal.cluster_settings", "pmip_journal.messages",
                "pmip_journal.metadata", "pmip_journal.tag_scanning", "pmip_journal.tag_views", "pmip_journal.tag_write_progress",
                "pmip_projection.offset_store", "pmip_projection.projection_management",
                "pmip_snapshot.snapshots")), before);
    }

    @Test
    void aSecondLauncherReusesTheRunningNodeAndLeavesItRunning() {
        CassandraStatus first = cassandra.status();
        LocalCassandra again = new LocalCassandra(cassandra.settings());
        CassandraStatus reused = again.start(TIMEOUT);
        again.close();
        assertTrue(reused.running());
        assertEquals(first.pid(), reused.pid());
        assertTrue(first.pid().isPresent(), "the pid file names the node");
        assertTrue(cassandra.status().running(), "closing a launcher that only reused the node keeps it");
    }

    /** Journals one event per amount for counter {@code id}, each acknowledged once persisted. */
    private static void add(ActorTestKit kit, String id, List<Integer> amounts) {
        ActorRef<Counter.Command> counter = kit.spawn(Counter.create(id));
        TestProbe<Done> done = kit.createTestProbe();
        for (int amount : amounts) {
            counter.tell(new Counter.Add(amount, done.getRef()));
            done.expectMessage(TIMEOUT, Done.getInstance());
        }
    }

    private static Set<String> tables() {
        return session.execute("SELECT keyspace_name, table_name FROM system_schema.tables").all().stream()
                .map(r -> r.getString("keyspace_name") + "." + r.getString("table_name"))
                .filter(t -> t.startsWith("pmip_"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
