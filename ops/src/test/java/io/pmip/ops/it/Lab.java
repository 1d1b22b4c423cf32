package io.pmip.ops.it;

import io.pmip.ops.load.LoadClient;
import io.pmip.ops.load.LoadProfile;
import io.pmip.protocol.Ipv6Prefix;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the integration tests share: free ports, the LMA's lab configuration, prefix bookkeeping. */
final class Lab {
    /**
     * MAG and LMA share one clock here, but a loaded 2-core machine (several helpers' builds and
     * Cassandra nodes) may hold a PBU for seconds: a wide timestamp window (RFC 5213 section 5.5), a
     * patient prefix pool, and few pool shards to recover.
     */
    static final String LMA_CONF = """
            pmip.lma.timestamp-validity-window = 30s
            pmip.lma.prefix-pool-timeout = 10s
            pmip.lma.prefix-pools.default.shards-per-aggregate = 16
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.loglevel = WARNING
            """;

    private Lab() {
    }

    /** A real Cassandra for one test class in {@code dir}, with the journal schema applied. */
    static io.pmip.persistence.cassandra.LocalCassandra startCassandra(Path dir) {
        var cassandra = io.pmip.persistence.cassandra.LocalCassandra.forTests(dir);
        org.junit.jupiter.api.Assertions.assertTrue(cassandra.start(
                io.pmip.persistence.cassandra.LocalCassandra.DEFAULT_START_TIMEOUT).running());
        io.pmip.ops.cluster.JournalCassandra.applySchema(cassandra.contactPointString());
        return cassandra;
    }

    static Path lmaConf(Path dir) throws IOException {
        Path file = dir.resolve("lma.conf");
        Files.writeString(file, LMA_CONF);
        return file;
    }

    /**
     * Patient MAGs: at most 50 PBUs outstanding, 5 s first timeout, 5 transmissions; a retransmission
     * is one more PBU for an LMA that is behind already.
     */
    static LoadProfile patient(LoadProfile profile) {
        return profile.withMaxInFlight(50).withRetransmission(java.time.Duration.ofSeconds(5), 5);
    }

    /**
     * Registers 32 mobile nodes slowly, so the prefix pool shards and the journal's sessions are up
     * before the measured load (a cold start on a loaded machine answers in seconds).
     */
    static void warmUp(java.net.InetSocketAddress lmaUdp) throws Exception {
        try (LoadClient warm = LoadClient.open(patient(LoadProfile.udp(lmaUdp.getAddress(), lmaUdp.getPort(), 1, 32, 8)
                .withTag("warm")))) {
            System.out.println("warm-up " + warm.run(io.pmip.ops.load.LoadPhase.REGISTER, java.time.Duration.ofSeconds(120)).render());
        }
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** Every mobile node's granted prefixes, in index order. */
    static List<List<Ipv6Prefix>> prefixes(LoadClient client) {
        List<List<Ipv6Prefix>> all = new ArrayList<>();
        for (int i = 0; i < client.profile().mobileNodes(); i++) {
            all.add(client.prefixes(i));
        }
        return all;
    }

    /** RFC 5213 section 5.2: each mobile node has its own prefix, never one of another node. */
    static void assertOnePrefixEachNeverShared(List<LoadClient> clients) {
        java.util.Map<Ipv6Prefix, String> owner = new java.util.HashMap<>();
        List<String> shared = new ArrayList<>();
        for (LoadClient client : clients) {
            for (int i = 0; i < client.profile().mobileNodes(); i++) {
                String mn = client.profile().mobileNodeIdentifier(i);
                List<Ipv6Prefix> p = client.prefixes(i);
                org.junit.jupiter.api.Assertions.assertEquals(1, p.size(), mn + " " + p);
                String other = owner.putIfAbsent(p.get(0), mn);
                if (other != null) {
                    shared.add(p.get(0) + " of " + other + " and " + mn);
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), shared, "prefixes given to two mobile nodes");
    }

    /** Whether raw Mobility Header sockets can be opened here (CAP_NET_RAW). */
    static boolean rawSocketsAvailable() {
        try (var t = io.pmip.protocol.transport.SignalingTransports.open(
                io.pmip.protocol.transport.TransportConfig.mhIpv6(InetAddress.getByName("::1")), d -> { })) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
