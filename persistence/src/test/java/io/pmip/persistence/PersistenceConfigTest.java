package io.pmip.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersistenceConfigTest {

    @Test
    void journalAndSnapshotsGoToCassandraWithTheConfiguredKeyspaces() {
        Config config = PersistenceConfig.load(ConfigFactory.empty(), Map.of());
        assertEquals("pekko.persistence.cassandra.journal", config.getString("pekko.persistence.journal.plugin"));
        assertEquals("pekko.persistence.cassandra.snapshot", config.getString("pekko.persistence.snapshot-store.plugin"));
        assertEquals("pmip_journal", config.getString("pekko.persistence.cassandra.journal.keyspace"));
        assertEquals("pmip_snapshot", config.getString("pekko.persistence.cassandra.snapshot.keyspace"));
        assertEquals("pmip_projection", config.getString("pekko.projection.cassandra.offset-store.keyspace"));
        assertEquals("datacenter1", config.getString("datastax-java-driver.basic.load-balancing-policy.local-datacenter"));
        assertEquals(List.of("127.0.0.1:9042"), config.getStringList("datastax-java-driver.basic.contact-points"));
        assertFalse(config.getBoolean("pekko.persistence.cassandra.journal.tables-autocreate"));
    }

    @Test
    void shardingStoresUseTheEntitiesKeyspaceWithDeletesWhileTheEntityJournalSkipsDeletesAndTheIdTable() {
        Config config = PersistenceConfig.load(ConfigFactory.parseString("pmip.cassandra.journal-keyspace = other"), Map.of());
        String sharding = config.getString("pekko.cluster.sharding.journal-plugin-id");
        assertEquals("pmip.cassandra-sharding.journal", sharding);
        assertEquals("other", config.getString(sharding + ".keyspace"));
        assertEquals(config.getString("pekko.persistence.cassandra.journal.table"), config.getString(sharding + ".table"));
        assertTrue(config.getBoolean(sharding + ".support-deletes"));
        assertFalse(config.getBoolean("pekko.persistence.cassandra.journal.support-deletes"));
        assertFalse(config.getBoolean("pekko.persistence.cassandra.journal.support-all-persistence-ids"));
    }

    @Test
    void cborSerializableIsBoundToJacksonCbor() {
        Config config = PersistenceConfig.load(ConfigFactory.empty(), Map.of());
        assertEquals("jackson-cbor", config.getString(
                "pekko.actor.serialization-bindings.\"io.pmip.persistence.CborSerializable\""));
    }

    @Test
    void contactPointsComeFromTheEnvironmentAsACommaSeparatedList() {
        Config config = PersistenceConfig.load(ConfigFactory.empty(),
                Map.of(PersistenceConfig.CONTACT_POINTS_ENV, "10.0.0.1:9042, 10.0.0.2:9043"));
        assertEquals(List.of("10.0.0.1:9042", "10.0.0.2:9043"),
                config.getStringList("datastax-java-driver.basic.contact-points"));
    }

    @Test
    void aTestContactPointReachesTheDriverConfiguration() {
        Config config = PersistenceConfig.forContactPoint("127.0.0.1:19042");
        assertEquals(List.of("127.0.0.1:19042"), config.getStringList("datastax-java-driver.basic.contact-points"));
    }
}
