package io.pmip.lma.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.pmip.lma.peer.HeartbeatSettings;
import io.pmip.protocol.transport.TransportConfig;
import io.pmip.protocol.transport.TransportKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layering of environment, file and defaults; journal selection; transports from the config. */
class LmaConfigTest {

    @Test
    void theDefaultsAreTheContractsAndTheClusterSettings() {
        Config c = LmaConfig.load(Optional.empty(), Map.of());
        assertEquals("cassandra", c.getString("pmip.lma.node.journal"));
        assertEquals("127.0.0.1", c.getString("pmip.lma.node.udp.address"));
        assertEquals(5436, c.getInt("pmip.lma.node.udp.port"));
        assertEquals("::1", c.getString("pmip.lma.node.mh.address"));
        assertEquals(25520, c.getInt("pekko.remote.artery.canonical.port"));
        assertEquals("keep-majority", c.getString("pekko.cluster.split-brain-resolver.active-strategy"));
        assertEquals("pekko.persistence.cassandra.journal", c.getString("pekko.persistence.journal.plugin"));
        assertTrue(c.getStringList("pekko.cluster.seed-nodes").isEmpty(), "a lone node joins itself");
        assertFalse(c.getBoolean(LmaConfig.CONTACT_POINTS_EXPLICIT_PATH));
        assertTrue(LmaNode.autoStartsCassandra(c));
    }

    @Test
    void environmentOverridesTheFileWhichOverridesTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lma.conf");
        Files.writeString(file, """
                pmip.lma.node.udp.port = 6000
                pmip.lma.node.udp.address = "127.0.0.9"
                pmip.lma.mag-peers = ["192.0.2.0/24"]
                """);
        Config c = LmaConfig.load(Optional.of(file), Map.of(
                "PMIP_LMA_UDP_PORT", "7000",
                "PMIP_JOURNAL", "inmem",
                "PMIP_LMA_MH_ENABLED", "false",
                "PMIP_CLUSTER_HOST", "127.0.0.5",
                "PMIP_CLUSTER_PORT", "25522",
                "PMIP_SEED_NODES", "127.0.0.1:25520, [::1]:25521",
                "PMIP_HOME", "/srv/pmip"));
        assertEquals(7000, c.getInt("pmip.lma.node.udp.port"), "env beats file");
        assertEquals("127.0.0.9", c.getString("pmip.lma.node.udp.address"), "file beats defaults");
        assertEquals(List.of("192.0.2.0/24"), c.getStringList("pmip.lma.mag-peers"));
        assertFalse(c.getBoolean("pmip.lma.node.mh.enabled"));
        assertEquals("127.0.0.5", c.getString("pekko.remote.artery.canonical.hostname"));
        assertEquals(25522, c.getInt("pekko.remote.artery.canonical.port"));
        assertEquals(List.of("pekko://pmip-lma@127.0.0.1:25520", "pekko://pmip-lma@[::1]:25521"),
                c.getStringList("pekko.cluster.seed-nodes"));
        assertEquals("/srv/pmip", c.getString("pmip.lma.node.home"));
        assertEquals("pmip.inmem-journal", c.getString("pekko.persistence.journal.plugin"));
        assertEquals("pmip.inmem-snapshot-store", c.getString("pekko.persistence.snapshot-store.plugin"));
        assertFalse(LmaNode.autoStartsCassandra(c));

        List<TransportConfig> transports = LmaNode.transports(c.getConfig("pmip.lma.node"));
        assertEquals(1, transports.size());
        assertEquals(TransportKind.UDP_IPV4, transports.get(0).kind());
        assertEquals(7000, transports.get(0).port());
        assertTrue(transports.get(0).reusePort(), "nodes on one host share the UDP port");
    }

    @Test
    void heartbeatsDefaultToTheRfcValuesAndFollowTheEnvironment() {
        HeartbeatSettings defaults = HeartbeatSettings.fromConfig(
                LmaConfig.load(Optional.empty(), Map.of()).getConfig("pmip.lma"));
        assertTrue(defaults.enabled());
        assertEquals(Duration.ofSeconds(60), defaults.interval(), "RFC 5847 section 6 HEARTBEAT_INTERVAL");
        assertEquals(3, defaults.missingHeartbeatsAllowed(), "RFC 5847 section 6 MISSING_HEARTBEATS_ALLOWED");
        assertEquals(Duration.ofSeconds(3600), defaults.idleAfter(), "as long as the longest lifetime granted");

        HeartbeatSettings env = HeartbeatSettings.fromConfig(LmaConfig.load(Optional.empty(), Map.of(
                "PMIP_LMA_HEARTBEAT_ENABLED", "false", "PMIP_LMA_HEARTBEAT_INTERVAL", "5s",
                "PMIP_LMA_HEARTBEAT_MISSING_ALLOWED", "4")).getConfig("pmip.lma"));
        assertEquals(new HeartbeatSettings(false, Duration.ofSeconds(5), 4, Duration.ofSeconds(3600)), env);
        assertThrows(IllegalArgumentException.class, () -> new HeartbeatSettings(true, Duration.ZERO, 3,
                Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new HeartbeatSettings(true, Duration.ofSeconds(1), 0,
                Duration.ofSeconds(1)));
    }

    @Test
    void explicitContactPointsTurnOffTheLocalCassandra() {
        Config c = LmaConfig.load(Optional.empty(), Map.of("PMIP_CASSANDRA_CONTACT_POINTS", "10.0.0.1:9042,10.0.0.2:9042"));
        assertEquals(List.of("10.0.0.1:9042", "10.0.0.2:9042"), c.getStringList("pmip.cassandra.contact-points"));
        assertTrue(c.getBoolean(LmaConfig.CONTACT_POINTS_EXPLICIT_PATH));
        assertFalse(LmaNode.autoStartsCassandra(c));
    }

    @Test
    void badValuesAreNamed(@TempDir Path dir) {
        IllegalArgumentException journal = assertThrows(IllegalArgumentException.class,
                () -> LmaConfig.load(Optional.empty(), Map.of("PMIP_JOURNAL", "postgres")));
        assertTrue(journal.getMessage().contains("postgres"));
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                () -> LmaConfig.load(Optional.empty(), Map.of("PMIP_SEED_NODES", "node1")));
        assertTrue(seed.getMessage().contains("node1"));
        assertThrows(IllegalArgumentException.class,
                () -> LmaConfig.load(Optional.of(dir.resolve("missing.conf")), Map.of()));
        Config noTransport = LmaConfig.load(Optional.empty(),
                Map.of("PMIP_LMA_UDP_ENABLED", "false", "PMIP_LMA_MH_ENABLED", "false"));
        assertThrows(IllegalArgumentException.class, () -> LmaNode.transports(noTransport.getConfig("pmip.lma.node")));
    }

    @Test
    void theRestartCounterCountsStartsAndSurvivesGarbage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("var/lma/restart-counter");
        assertEquals(1, RestartCounterFile.next(file));
        assertEquals(2, RestartCounterFile.next(file));
        Files.writeString(file, "4294967295");
        assertEquals(0, RestartCounterFile.next(file), "32 bits, wrapping (RFC 5847 section 5.2)");
        Files.writeString(file, "not a number");
        assertEquals(1, RestartCounterFile.next(file));
    }
}
