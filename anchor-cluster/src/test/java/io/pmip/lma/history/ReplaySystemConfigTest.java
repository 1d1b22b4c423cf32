package io.pmip.lma.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySystemConfigTest {

    @Test
    void aReaderUsesTheLmasCassandraSettingsWithoutClusterOrAutoStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lma.conf");
        Files.writeString(file, """
                pmip.lma.node.journal = inmem
                pmip.cassandra.journal-keyspace = "lab_journal"
                pmip.cassandra.contact-points = ["10.0.0.1:9042"]
                """);
        Config fromFile = ReplaySystem.config(Optional.of(file), Map.of());
        assertEquals("local", fromFile.getString("pekko.actor.provider"));
        assertEquals("pekko.persistence.cassandra.journal", fromFile.getString("pekko.persistence.journal.plugin"),
                "the journal is read from Cassandra whatever the node's journal setting");
        assertEquals("lab_journal", fromFile.getString("pekko.persistence.cassandra.journal.keyspace"));
        assertEquals(List.of("10.0.0.1:9042"), fromFile.getStringList("datastax-java-driver.basic.contact-points"));
        assertFalse(fromFile.getBoolean("pmip.lma.node.auto-start-cassandra"));

        Config fromEnv = ReplaySystem.config(Optional.of(file),
                Map.of("PMIP_CASSANDRA_CONTACT_POINTS", "10.0.0.2:9042, 10.0.0.3:9042"));
        assertEquals(List.of("10.0.0.2:9042", "10.0.0.3:9042"),
                fromEnv.getStringList("datastax-java-driver.basic.contact-points"));
    }
}
