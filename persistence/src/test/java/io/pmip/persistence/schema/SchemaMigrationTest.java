package io.pmip.persistence.schema;

import io.pmip.persistence.PersistenceConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaMigrationTest {
    private final SchemaSettings settings = SchemaSettings.fromConfig(PersistenceConfig.forContactPoint("127.0.0.1:9042"));

    @Test
    void everyStatementOnlyCreatesWhatIsMissing() {
        List<String> statements = new SchemaMigration(settings).statements();
        // 3 keyspaces, 7 journal tables, 1 snapshot table, 2 projection tables
        assertEquals(13, statements.size());
        for (String cql : statements) {
            assertTrue(cql.matches("(?s)CREATE (KEYSPACE|TABLE) IF NOT EXISTS .*"), cql);
            assertTrue(!cql.contains("${"), "unsubstituted placeholder in " + cql);
        }
        assertTrue(statements.get(0).startsWith("CREATE KEYSPACE IF NOT EXISTS pmip_journal"));
    }

    @Test
    void keyspacesAndReplicationComeFromTheSettings() {
        SchemaSettings custom = settings.withJournalKeyspace("lab_journal")
                .withSnapshotKeyspace("lab_snapshot").withProjectionKeyspace("lab_projection");
        List<String> statements = new SchemaMigration(custom).statements();
        assertTrue(statements.stream().anyMatch(s -> s.startsWith("CREATE TABLE IF NOT EXISTS lab_journal.messages")));
        assertTrue(statements.stream().anyMatch(s -> s.startsWith("CREATE TABLE IF NOT EXISTS lab_snapshot.snapshots")));
        assertTrue(statements.stream().anyMatch(s -> s.startsWith("CREATE TABLE IF NOT EXISTS lab_projection.offset_store")));
        assertTrue(statements.get(0).endsWith("{'class': 'SimpleStrategy', 'replication_factor': 1}"), statements.get(0));
    }

    @Test
    void invalidNamesAndReplicationAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> settings.withJournalKeyspace("journal; DROP"));
        assertThrows(IllegalArgumentException.class, () -> settings.withSnapshotKeyspace("1snap"));
        assertThrows(IllegalArgumentException.class, () -> SchemaSettings.replication("SimpleStrategy", 0, "dc1"));
        assertThrows(IllegalArgumentException.class, () -> SchemaSettings.replication("EverywhereStrategy", 1, "dc1"));
        assertEquals("{'class': 'NetworkTopologyStrategy', 'dc1': 3}",
                SchemaSettings.replication("NetworkTopologyStrategy", 3, "dc1"));
    }

    @Test
    void contactPointsParseHostAndPort() {
        assertEquals(19042, SchemaMigration.contactPoint("127.0.0.1:19042").getPort());
        assertTrue(SchemaMigration.contactPoint("[::1]:9042").getAddress().isLoopbackAddress());
        assertThrows(IllegalArgumentException.class, () -> SchemaMigration.contactPoint("127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> SchemaMigration.contactPoint("127.0.0.1:x"));
        assertThrows(IllegalArgumentException.class, () -> SchemaMigration.contactPoint("127.0.0.1:70000"));
    }
}
