package io.pmip.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.ops.cluster.JournalCassandra;
import io.pmip.ops.cluster.LmaLauncher;
import io.pmip.ops.cluster.LmaProcess;
import io.pmip.ops.cluster.UpLine;
import io.pmip.ops.load.LoadClient;
import io.pmip.ops.load.LoadPhase;
import io.pmip.ops.load.LoadProfile;
import io.pmip.ops.load.LoadReport;
import io.pmip.persistence.cassandra.LocalCassandra;
import io.pmip.protocol.Ipv6Prefix;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An LMA in its own process journals to a real Cassandra; SIGKILL loses nothing: 1,000 mobile nodes
 * registered over UDP and raw IPv6 are refreshed after the restart with the prefixes they had.
 */
class LmaProcessRecoveryTest {
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(150);

    @TempDir
    static Path dir;

    private static LocalCassandra cassandra;
    private static LmaProcess lma;

    @BeforeAll
    static void startCassandra() {
        cassandra = LocalCassandra.forTests(dir.resolve("cassandra"));
        assertTrue(cassandra.start(LocalCassandra.DEFAULT_START_TIMEOUT).running());
        JournalCassandra.applySchema(cassandra.contactPointString());
    }

    @AfterAll
    static void stopAll() {
        if (lma != null && lma.isAlive()) {
            lma.stop(Duration.ofSeconds(30));
        }
        if (cassandra != null) {
            cassandra.close();
        }
    }

    private static LmaProcess launch(Map<String, String> env) throws Exception {
        LmaLauncher launcher = LmaLauncher.fromOpsModule(Path.of("")).withJvmOptions(List.of("-Xmx512m"));
        return LmaProcess.launch(launcher, dir.resolve("lma"), env,
                List.of("--journal", "cassandra", "--config", Lab.lmaConf(dir).toString()));
    }

    @Test
    void everyBindingSurvivesSigkillWithItsPrefix() throws Exception {
        boolean raw = Lab.rawSocketsAvailable();
        int udpPort = Lab.freeUdpPort();
        Map<String, String> env = Map.of(
                "PMIP_CASSANDRA_CONTACT_POINTS", cassandra.contactPointString(),
                "PMIP_HOME", dir.toString(),
                "PMIP_CLUSTER_PORT", String.valueOf(Lab.freeTcpPort()),
                "PMIP_LMA_UDP_PORT", String.valueOf(udpPort),
                "PMIP_LMA_MH_ENABLED", String.valueOf(raw),
                "PMIP_LMA_MH_ADDRESS", "::1");
        lma = launch(env);
        UpLine up = lma.awaitUp(UP_TIMEOUT);
        assertEquals(udpPort, up.udp().getPort());

        // 500 over UDP from 5 MAGs, 500 over raw IPv6 (all over UDP without CAP_NET_RAW).
        List<LoadClient> clients = new ArrayList<>();
        try {
            clients.add(LoadClient.open(Lab.patient(LoadProfile.udp(up.udp().getAddress(), udpPort, 5,
                    raw ? 100 : 200, 100).withTag("udp"))));
            if (raw) {
                clients.add(LoadClient.open(Lab.patient(LoadProfile.mh(up.mh(), 1, 500, 100).withTag("mh"))));
            }
            Lab.warmUp(up.udp());
            List<List<Ipv6Prefix>> before = new ArrayList<>();
            for (LoadClient client : clients) {
                LoadReport registered = client.run(LoadPhase.REGISTER, PHASE_TIMEOUT);
                System.out.println(registered.render());
                assertEquals(Map.of(0, (long) client.profile().mobileNodes()), registered.statuses(), registered.render());
                before.addAll(Lab.prefixes(client));
            }
            assertEquals(1000, before.size());
            Lab.assertOnePrefixEachNeverShared(clients);

            long killed = lma.pid();
            lma.kill();
            assertTrue(ProcessHandle.of(killed).isEmpty() || !ProcessHandle.of(killed).get().isAlive());
            lma = launch(env);
            lma.awaitUp(UP_TIMEOUT);

            List<List<Ipv6Prefix>> after = new ArrayList<>();
            for (LoadClient client : clients) {
                LoadReport refreshed = client.run(LoadPhase.REFRESH, PHASE_TIMEOUT);
                System.out.println(refreshed.render());
                assertEquals(Map.of(0, (long) client.profile().mobileNodes()), refreshed.statuses(),
                        "RFC 5213 5.3.3 refresh after SIGKILL: " + refreshed.render());
                after.addAll(Lab.prefixes(client));
            }
            assertEquals(before, after, "every mobile node keeps its prefix across the restart");
        } finally {
            clients.forEach(LoadClient::close);
        }
    }
}
