package io.pmip.persistence.cassandra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalCassandraSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theDeveloperNodeListensOnTheStandardPortsOfLoopback() {
        LocalCassandraSettings s = LocalCassandraSettings.defaults(dir);
        assertEquals(new InetSocketAddress("127.0.0.1", 9042), s.contactPoint());
        String yaml = CassandraYaml.render(s);
        assertTrue(yaml.contains("native_transport_port: 9042"));
        assertTrue(yaml.contains("storage_port: 7000"));
        assertTrue(yaml.contains("auto_snapshot: false"));
        assertTrue(yaml.contains("commitlog_sync: periodic"));
        assertTrue(yaml.contains("data_file_directories: ['" + dir.resolve("data") + "']"));
    }

    @Test
    void aTestNodeGetsItsOwnPorts() {
        LocalCassandraSettings s = LocalCassandraSettings.forTests(dir, dir.resolve("cp"));
        assertNotEquals(9042, s.nativePort());
        assertNotEquals(s.nativePort(), s.storagePort());
        String yaml = CassandraYaml.render(s);
        assertTrue(yaml.contains("native_transport_port: " + s.nativePort()));
        assertTrue(yaml.contains("seeds: \"127.0.0.1:" + s.storagePort() + "\""));
    }

    @Test
    void portsAreChecked() {
        LocalCassandraSettings s = LocalCassandraSettings.defaults(dir);
        assertThrows(IllegalArgumentException.class, () -> s.withNativePort(0));
        assertThrows(IllegalArgumentException.class, () -> s.withNativePort(70000));
        assertThrows(IllegalArgumentException.class, () -> s.withNativePort(7000));
    }

    @Test
    void aNodeThatWasNeverStartedIsStoppedAndStoppingItIsHarmless() {
        LocalCassandra cassandra = new LocalCassandra(LocalCassandraSettings.forTests(dir, dir.resolve("cp")));
        assertEquals(CassandraStatus.State.STOPPED, cassandra.status().state());
        assertFalse(cassandra.stop(Duration.ofSeconds(1)));
    }

    @Test
    void theProbeDoesNotMistakeAnotherServerForCassandra() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", silent.getLocalPort());
            assertFalse(CqlProbe.answers(address, Duration.ofMillis(300)));
        }
    }
}
