package io.pmip.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pmip.ops.cluster.JournalCassandra;
import io.pmip.ops.cluster.LmaLauncher;
import io.pmip.ops.cluster.LmaProcess;
import io.pmip.ops.load.LoadClient;
import io.pmip.ops.load.LoadPhase;
import io.pmip.ops.load.LoadProfile;
import io.pmip.ops.load.LoadReport;
import io.pmip.persistence.cassandra.LocalCassandra;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.testsupport.Netns;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real anycast deployment: three LMA processes, each in its own network namespace with the same
 * LMA addresses, behind a router namespace whose ECMP routes spread the anycast traffic over them;
 * MAGs in two namespaces of their own signal the anycast addresses over UDP 5436 (RFC 5844) and raw
 * IPv6 (RFC 6275 Mobility Header). One node is SIGKILLed and its route withdrawn: the survivors
 * serve its MAGs, and every binding is refreshed with the prefix it had (the journal is Cassandra,
 * on the host, reached through the router).
 */
class AnycastDeploymentTest {
    private static final int LMAS = 3;
    private static final int MAG_NAMESPACES = 2;
    private static final int CLUSTER_PORT = 25520;
    private static final int ADMIN_PORT = 8080;
    private static final String TOKEN = "ops6-anycast-token";
    /** Three JVMs and Cassandra start at once; on a loaded 2-core machine that takes minutes. */
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(180);
    private static final Pattern PBUS_RECEIVED =
            Pattern.compile("(?m)^pmip_messages_received_total\\{type=\"PBU\"} (\\d+)");

    @TempDir
    Path dir;

    @Test
    void survivorsServeTheMagsOfAKilledNodeWithEveryBinding() throws Exception {
        assumeTrue(Netns.available() && ipNetnsWorks(),
                "needs root (CAP_SYS_ADMIN, CAP_NET_RAW) and `ip netns` to build the anycast network");
        List<LmaProcess> lmas = new ArrayList<>();
        List<LoadClient> clients = new ArrayList<>();
        LocalCassandra cassandra = null;
        try (AnycastNetwork net = AnycastNetwork.create(LMAS, MAG_NAMESPACES)) {
            cassandra = new LocalCassandra(LocalCassandra.forTests(dir.resolve("cassandra")).settings()
                    .withListenAddress(net.hostAddress()));
            assertTrue(cassandra.start(LocalCassandra.DEFAULT_START_TIMEOUT).running());
            JournalCassandra.applySchema(cassandra.contactPointString());

            for (int k = 1; k <= LMAS; k++) {
                lmas.add(launch(net, k, cassandra.contactPointString()));
            }
            for (LmaProcess lma : lmas) {
                lma.awaitUp(UP_TIMEOUT);
            }

            // Per MAG namespace: three MAGs over UDP (three source ports, so three flows to hash) and one over MH.
            for (int j = 1; j <= MAG_NAMESPACES; j++) {
                InetAddress v4 = net.magV4(j);
                InetAddress v6 = net.magV6(j);
                String tag = "ns" + j;
                clients.add(net.mag(j).run(() -> LoadClient.open(patient(LoadProfile.udp(
                        InetAddress.getByName(AnycastNetwork.ANYCAST_V4), LoadProfile.LMA_UDP_PORT, 3, 10, 50)
                        .withTag(tag + "-udp")), Optional.of(v4))));
                clients.add(net.mag(j).run(() -> LoadClient.open(patient(LoadProfile.mh(
                        InetAddress.getByName(AnycastNetwork.ANYCAST_V6), 1, 10, 50).withTag(tag + "-mh")),
                        Optional.of(v6))));
            }
            List<List<Ipv6Prefix>> registered = new ArrayList<>();
            for (LoadClient client : clients) {
                LoadReport report = client.run(LoadPhase.REGISTER, PHASE_TIMEOUT);
                assertEquals(Map.of(0, (long) client.profile().mobileNodes()), report.statuses(), report.render());
                registered.addAll(Lab.prefixes(client));
            }
            Lab.assertOnePrefixEachNeverShared(clients);

            // The ECMP route spread the MAGs: more than one node answered PBUs; the busiest one dies.
            Map<Integer, Long> received = new HashMap<>();
            for (int k = 1; k <= LMAS; k++) {
                received.put(k, pbusReceived(net.lmaAddress(k)));
            }
            assertTrue(received.values().stream().filter(n -> n > 0).count() >= 2, "PBUs per node: " + received);
            int victim = received.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();

            lmas.get(victim - 1).kill();
            net.withdraw(victim);
            String route = net.anycastRoute();
            assertTrue(!route.contains("fd00:66:" + victim + "::2") && route.split("nexthop").length == LMAS,
                    "the route to node " + victim + " is withdrawn: " + route);

            // RFC 5213 section 5.3.3: every MAG refreshes every binding; the survivors answer with the same prefix.
            List<List<Ipv6Prefix>> refreshed = new ArrayList<>();
            for (LoadClient client : clients) {
                LoadReport report = client.run(LoadPhase.REFRESH, PHASE_TIMEOUT);
                assertEquals(Map.of(0, (long) client.profile().mobileNodes()), report.statuses(),
                        "refresh after node " + victim + " was killed: " + report.render());
                refreshed.addAll(Lab.prefixes(client));
            }
            assertEquals(registered, refreshed, "every mobile node keeps its prefix on the survivors");
        } finally {
            clients.forEach(LoadClient::close);
            for (LmaProcess lma : lmas) {
                if (lma.isAlive()) {
                    lma.kill();
                }
            }
            if (cassandra != null) {
                cassandra.close();
            }
        }
    }

    /** Node k: its namespace, the anycast addresses for both transports, the cluster and admin API on its link. */
    private LmaProcess launch(AnycastNetwork net, int k, String cassandra) throws Exception {
        Map<String, String> env = Map.ofEntries(
                Map.entry("PMIP_CASSANDRA_CONTACT_POINTS", cassandra),
                Map.entry("PMIP_HOME", dir.resolve("node-" + k).toString()),
                Map.entry("PMIP_CLUSTER_HOST", net.lmaAddress(k)),
                Map.entry("PMIP_CLUSTER_PORT", String.valueOf(CLUSTER_PORT)),
                Map.entry("PMIP_SEED_NODES", net.lmaAddress(1) + ":" + CLUSTER_PORT),
                Map.entry("PMIP_LMA_UDP_ADDRESS", AnycastNetwork.ANYCAST_V4),
                Map.entry("PMIP_LMA_UDP_PORT", String.valueOf(LoadProfile.LMA_UDP_PORT)),
                Map.entry("PMIP_LMA_MH_ENABLED", "true"),
                Map.entry("PMIP_LMA_MH_ADDRESS", AnycastNetwork.ANYCAST_V6),
                Map.entry("PMIP_ADMIN_ADDRESS", net.lmaAddress(k)),
                Map.entry("PMIP_ADMIN_PORT", String.valueOf(ADMIN_PORT)),
                Map.entry("PMIP_ADMIN_TOKEN", TOKEN));
        LmaLauncher launcher = LmaLauncher.fromOpsModule(Path.of("")).withJvmOptions(List.of("-Xmx256m"))
                .inNetworkNamespace(net.lma(k).name());
        return LmaProcess.launch(launcher, dir.resolve("node-" + k), env,
                List.of("--journal", "cassandra", "--config", config().toString()));
    }

    /**
     * The lab configuration, plus patience for four JVMs and Cassandra starting at once on a small
     * machine: extensions (serialization) may take longer than Pekko's 20 s creation timeout there,
     * the sharding coordinators' first recovery longer than the journal's 30 s, and heartbeats pause.
     */
    private Path config() throws java.io.IOException {
        Path file = dir.resolve("anycast.conf");
        java.nio.file.Files.writeString(file, Lab.LMA_CONF + """
                pekko.actor.creation-timeout = 120s
                pekko.persistence.cassandra.journal.recovery-event-timeout = 120s
                # a starved node must not be downed as if dead; the killed one still is, 10 s later
                pekko.cluster.failure-detector.acceptable-heartbeat-pause = 10s
                """);
        return file;
    }

    /** Patient MAGs: the PBUs that reach the killed node's bindings wait for the cluster to move them. */
    private static LoadProfile patient(LoadProfile profile) {
        return profile.withMaxInFlight(20).withRetransmission(Duration.ofSeconds(2), 7);
    }

    private static long pbusReceived(String node) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://" + node + ":" + ADMIN_PORT + "/metrics"))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = PBUS_RECEIVED.matcher(r.body());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static boolean ipNetnsWorks() {
        try {
            Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
            return p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
