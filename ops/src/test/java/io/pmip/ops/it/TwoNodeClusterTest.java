package io.pmip.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.lma.node.LmaConfig;
import io.pmip.lma.node.LmaNode;
import io.pmip.ops.cluster.JournalCassandra;
import io.pmip.ops.load.LoadClient;
import io.pmip.ops.load.LoadPhase;
import io.pmip.ops.load.LoadProfile;
import io.pmip.ops.load.LoadReport;
import io.pmip.persistence.cassandra.LocalCassandra;
import io.pmip.protocol.Ipv6Prefix;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two LMA nodes (one JVM, loopback, Cassandra journal) form one cluster: a PBU reaches the mobile
 * node's binding entity whichever node it arrives at, and the bindings of a stopped node are served
 * by the other with their prefixes.
 */
class TwoNodeClusterTest {
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path dir;

    private static LocalCassandra cassandra;
    private static LmaNode first;
    private static LmaNode second;

    @BeforeAll
    static void startCassandra() {
        cassandra = LocalCassandra.forTests(dir.resolve("cassandra"));
        assertTrue(cassandra.start(LocalCassandra.DEFAULT_START_TIMEOUT).running());
        JournalCassandra.applySchema(cassandra.contactPointString());
    }

    @AfterAll
    static void stopAll() {
        for (LmaNode node : new LmaNode[] {second, first}) {
            if (node != null) {
                node.close();
            }
        }
        if (cassandra != null) {
            cassandra.close();
        }
    }

    private static LmaNode start(int clusterPort, int seedPort, String name) throws Exception {
        Map<String, String> env = Map.of(
                "PMIP_JOURNAL", "cassandra",
                "PMIP_CASSANDRA_CONTACT_POINTS", cassandra.contactPointString(),
                "PMIP_HOME", dir.resolve(name).toString(),
                "PMIP_CLUSTER_PORT", String.valueOf(clusterPort),
                "PMIP_SEED_NODES", "127.0.0.1:" + seedPort,
                "PMIP_LMA_UDP_PORT", "0",
                "PMIP_LMA_MH_ENABLED", "false");
        return LmaNode.start(LmaConfig.load(Optional.of(Lab.lmaConf(dir)), env)).awaitUp(Duration.ofSeconds(120));
    }

    @Test
    void eitherNodeServesEveryBindingAndTheSurvivorKeepsThem() throws Exception {
        int seedPort = Lab.freeTcpPort();
        first = start(seedPort, seedPort, "node-1");
        second = start(Lab.freeTcpPort(), seedPort, "node-2");
        awaitMembers(first, 2);
        Lab.warmUp(first.udpAddress());

        try (LoadClient mags = LoadClient.open(Lab.patient(LoadProfile.udp(first.udpAddress().getAddress(),
                first.udpAddress().getPort(), 4, 10, 20).withTag("two")))) {
            LoadReport registered = mags.run(LoadPhase.REGISTER, first.udpAddress(), PHASE_TIMEOUT);
            assertEquals(Map.of(0, 40L), registered.statuses(), registered.render());
            Lab.assertOnePrefixEachNeverShared(List.of(mags));
            List<List<Ipv6Prefix>> registeredPrefixes = Lab.prefixes(mags);

            // RFC 5213 section 5.3.3 refresh through the other node: the same entities answer.
            LoadReport viaSecond = mags.run(LoadPhase.REFRESH, second.udpAddress(), PHASE_TIMEOUT);
            assertEquals(Map.of(0, 40L), viaSecond.statuses(), viaSecond.render());
            assertEquals(registeredPrefixes, Lab.prefixes(mags));
            assertTrue(second.metrics().snapshot().count("received", "type", "PBU") >= 40);

            first.close();
            first = null;
            awaitMembers(second, 1);

            LoadReport afterStop = mags.run(LoadPhase.REFRESH, second.udpAddress(), PHASE_TIMEOUT);
            assertEquals(Map.of(0, 40L), afterStop.statuses(), "bindings of the stopped node: " + afterStop.render());
            assertEquals(registeredPrefixes, Lab.prefixes(mags), "every binding kept its prefix on the survivor");
        }
    }

    private static void awaitMembers(LmaNode node, int members) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (java.util.stream.StreamSupport.stream(Cluster.get(node.system()).state().getMembers().spliterator(), false)
                .filter(m -> m.status() == org.apache.pekko.cluster.MemberStatus.up()).count() != members) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("cluster never shrank to " + members + " members");
            }
            Thread.sleep(100);
        }
    }
}
