package io.pmip.ops.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.lma.node.LmaConfig;
import io.pmip.lma.node.LmaNode;
import io.pmip.protocol.Ipv6Prefix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load client against a real LMA node (in-memory journal) over UDP. */
class LoadClientTest {

    @Test
    void registersRefreshesAndDeregistersEveryMobileNode(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("lma.conf");
        Files.writeString(conf, """
                pmip.lma.node { journal = inmem, udp.port = 0, mh.enabled = false, home = "%s" }
                # All 200 attach at once; overload control (130 beyond this limit) is RegistrationSurgeTest's subject.
                pmip.lma.node.max-new-registrations-in-flight = 1000
                pmip.lma.timestamp-validity-window = 5s
                pekko.remote.artery.canonical.port = 0
                pekko.coordinated-shutdown.exit-jvm = off
                pekko.loglevel = WARNING
                """.formatted(dir));
        try (LmaNode lma = LmaNode.start(LmaConfig.load(Optional.of(conf), Map.of())).awaitUp(Duration.ofSeconds(30));
                LoadClient client = LoadClient.open(LoadProfile.udp(lma.udpAddress().getAddress(),
                        lma.udpAddress().getPort(), 4, 50, 500))) {
            LoadReport registered = client.run(LoadPhase.REGISTER, Duration.ofSeconds(60));
            assertEquals(200, registered.accepted(), registered.render());
            assertEquals(0, registered.timeouts());
            Set<Ipv6Prefix> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                List<Ipv6Prefix> p = client.prefixes(i);
                assertEquals(1, p.size(), "mobile node " + i);
                assertTrue(seen.add(p.get(0)), "prefix given twice: " + p);
            }

            LoadReport refreshed = client.run(LoadPhase.REFRESH, Duration.ofSeconds(60));
            assertEquals(Map.of(0, 200L), refreshed.statuses(), refreshed.render());
            for (int i = 0; i < 200; i++) {
                assertTrue(seen.contains(client.prefixes(i).get(0)));
            }
            assertEquals(200, refreshed.latencyMicros().getTotalCount());

            LoadReport gone = client.run(LoadPhase.DEREGISTER, Duration.ofSeconds(60));
            assertEquals(200, gone.accepted(), gone.render());
            assertEquals(0, client.malformed());
        }
    }
}
