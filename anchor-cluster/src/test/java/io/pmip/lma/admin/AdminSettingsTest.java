package io.pmip.lma.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminSettingsTest {
    @Test
    void defaultsAreLoopbackWithoutToken() {
        AdminSettings s = AdminSettings.fromConfig(ConfigFactory.empty(), Map.of());
        assertEquals("127.0.0.1", s.address());
        assertEquals(8080, s.port());
        assertEquals(Optional.empty(), s.token(), "no token: no admin API");
        assertTrue(s.openHealth());
        assertFalse(s.openMetrics());
    }

    @Test
    void environmentOverridesTheFile() {
        var file = ConfigFactory.parseString("pmip.admin { port = 9000, token = from-file, address = \"0.0.0.0\" }");
        AdminSettings s = AdminSettings.fromConfig(file, Map.of("PMIP_ADMIN_PORT", "8082", "PMIP_ADMIN_TOKEN", "env"));
        assertEquals(8082, s.port());
        assertEquals(Optional.of("env"), s.token());
        assertEquals("0.0.0.0", s.address());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdminSettings.fromConfig(file, Map.of("PMIP_ADMIN_PORT", "eighty")));
        assertTrue(e.getMessage().contains("PMIP_ADMIN_PORT"), e.getMessage());
    }

    @Test
    void readJournalFollowsTheJournal() {
        assertEquals(Optional.of(ReadJournals.CASSANDRA_QUERY), ReadJournals.pluginFor(
                ConfigFactory.parseString("pekko.persistence.journal.plugin = \"pekko.persistence.cassandra.journal\"")));
        assertEquals(Optional.empty(), ReadJournals.pluginFor(
                ConfigFactory.parseString("pekko.persistence.journal.plugin = \"pekko.persistence.journal.inmem\"")));
    }
}
