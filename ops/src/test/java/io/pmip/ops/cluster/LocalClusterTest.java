package io.pmip.ops.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.ops.load.LoadClient;
import io.pmip.ops.load.LoadPhase;
import io.pmip.ops.load.LoadProfile;
import io.pmip.ops.load.LoadReport;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pmip cluster}'s engine: two real `pmip lma` processes (in-memory journal) sharing one UDP port. */
class LocalClusterTest {

    @Test
    void startsServesAndStopsTwoNodes(@TempDir Path home) throws Exception {
        int base = twoFreePorts();
        int udp;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            udp = s.getLocalPort();
        }
        Path conf = home.resolve("lab.conf");
        Files.writeString(conf, "pmip.lma.timestamp-validity-window = 30s\npmip.lma.prefix-pool-timeout = 10s\n");
        int adminBase = twoFreePorts();
        ClusterSpec spec = new ClusterSpec(2, "inmem", "127.0.0.1", base, udp, false, Optional.of(conf), adminBase);
        LocalCluster cluster = new LocalCluster(home);
        LmaLauncher launcher = LmaLauncher.fromOpsModule(Path.of("")).withJvmOptions(List.of("-Xmx256m"));
        try {
            List<LocalCluster.NodeStatus> up = cluster.start(spec, launcher, Map.of("PMIP_ADMIN_TOKEN", "local-token"),
                    Duration.ofMinutes(3));
            assertEquals(2, up.size());
            for (LocalCluster.NodeStatus n : up) {
                assertTrue(n.alive(), n.render());
                assertEquals("127.0.0.1:" + (base + n.node() - 1), n.up().orElseThrow().cluster());
                assertEquals(udp, n.up().orElseThrow().udp().getPort(), "one UDP port shared by every node");
                assertTrue(Files.exists(cluster.nodeDir(n.node()).resolve(LmaProcess.PID_FILE)));
                // node k's admin API on adminBase + k - 1 (health is open without the token)
                HttpResponse<String> alive = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + spec.adminPort(n.node()) + "/health/alive"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, alive.statusCode(), "node " + n.node() + ": " + alive.body());
            }
            assertThrows(IllegalStateException.class, () -> cluster.start(spec, launcher, Map.of(), Duration.ofSeconds(5)),
                    "a second start while nodes live is refused");

            try (LoadClient mags = LoadClient.open(LoadProfile.udp(InetAddress.getByName("127.0.0.1"), udp, 4, 10, 20)
                    .withMaxInFlight(20).withRetransmission(Duration.ofSeconds(3), 5))) {
                LoadReport r = mags.run(LoadPhase.REGISTER, Duration.ofMinutes(2));
                assertEquals(Map.of(0, 40L), r.statuses(), r.render());
            }
        } finally {
            Map<Integer, Boolean> stopped = cluster.stop(Duration.ofSeconds(30));
            assertEquals(Map.of(1, true, 2, true), stopped, "both nodes end on SIGTERM");
        }
        cluster.status().forEach(n -> assertFalse(n.alive(), n.render()));
    }

    /** A port p with p + 1 free too, for cluster ports base and base + 1. */
    private static int twoFreePorts() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    ServerSocket b = new ServerSocket(a.getLocalPort() + 1, 1, InetAddress.getLoopbackAddress())) {
                return a.getLocalPort();
            } catch (java.io.IOException taken) {
                // try another pair
            }
        }
        throw new IllegalStateException("no two consecutive free ports");
    }
}
