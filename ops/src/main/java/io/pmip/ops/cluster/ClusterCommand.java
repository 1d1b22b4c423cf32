package io.pmip.ops.cluster;

import io.pmip.persistence.cassandra.LocalCassandra;
import io.pmip.persistence.cassandra.LocalCassandraSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pmip cluster start|status|stop|drain}: several LMA processes on this host. */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description = {"Run an LMA cluster of several `pmip lma` processes on this host.",
            "Node k: cluster port 25520+k-1, seed 127.0.0.1:25520, UDP 127.0.0.1:5436 shared by all nodes",
            "(SO_REUSEPORT), raw IPv6 Mobility Header on node 1 only. Pid files and logs in",
            "$PMIP_HOME/var/cluster/node-k/."},
        subcommands = {ClusterCommand.Start.class, ClusterCommand.Status.class, ClusterCommand.Stop.class,
            ClusterCommand.Drain.class})
public final class ClusterCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Path home() {
        String home = System.getenv("PMIP_HOME");
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start N nodes; returns once every node serves (printed its \"lma up\" line).")
    static final class Start implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--nodes", defaultValue = "3", description = "Number of nodes (default: ${DEFAULT-VALUE}).")
        int nodes;

        @Option(names = "--journal", defaultValue = "cassandra", paramLabel = "cassandra|inmem",
                description = "cassandra (default): PMIP_CASSANDRA_CONTACT_POINTS, else the local node of "
                        + "`pmip cassandra`, started first when not running. inmem: state dies with each node.")
        String journal;

        @Option(names = "--config", paramLabel = "FILE", description = "HOCON file given to every node.")
        Path config;

        @Option(names = "--udp-port", defaultValue = "5436", description = "Shared UDP port (default: ${DEFAULT-VALUE}).")
        int udpPort;

        @Option(names = "--base-port", defaultValue = "25520",
                description = "Cluster port of node 1 (default: ${DEFAULT-VALUE}).")
        int basePort;

        @Option(names = "--admin-port", defaultValue = "8080",
                description = "Admin API port of node 1; node k gets this + k - 1 (default: ${DEFAULT-VALUE}).")
        int adminPort;

        @Option(names = "--no-mh", description = "Node 1 does not open the raw IPv6 Mobility Header transport.")
        boolean noMh;

        @Option(names = "--timeout", defaultValue = "240", description = "Seconds to wait for the nodes (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ClusterSpec cluster;
            try {
                cluster = new ClusterSpec(nodes, journal, "127.0.0.1", basePort, udpPort, !noMh, Optional.ofNullable(config),
                        adminPort);
            } catch (IllegalArgumentException e) {
                err.println("pmip cluster start: " + e.getMessage());
                return 2;
            }
            Path home = home();
            LocalCluster local = new LocalCluster(home);
            Map<String, String> env = new HashMap<>(System.getenv());
            if (journal.equals("cassandra")) {
                out.println("cassandra: " + (env.containsKey("PMIP_CASSANDRA_CONTACT_POINTS")
                        ? "using " + env.get("PMIP_CASSANDRA_CONTACT_POINTS") : "starting or reusing the local node"));
                out.flush();
                JournalCassandra cassandra = JournalCassandra.ensure(home, env, Duration.ofMinutes(3));
                env.put("PMIP_CASSANDRA_CONTACT_POINTS", cassandra.contactPoints());
                if (cassandra.startedHere().isPresent()) {
                    Files.createDirectories(local.cassandraMarker().getParent());
                    Files.writeString(local.cassandraMarker(), cassandra.contactPoints() + "\n");
                }
                out.println("cassandra: " + cassandra.contactPoints() + " (schema applied)");
            }
            try {
                List<LocalCluster.NodeStatus> up = local.start(cluster, LmaLauncher.fromCurrentJvm(), env,
                        Duration.ofSeconds(timeoutSeconds));
                up.forEach(n -> out.println(n.render()));
                out.println("cluster up: " + nodes + " nodes, journal " + journal + "; logs in "
                        + local.nodeDir(1).getParent());
                return 0;
            } catch (IllegalStateException e) {
                err.println("pmip cluster start: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Each node: pid, alive, ports.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<LocalCluster.NodeStatus> nodes = new LocalCluster(home()).status();
            PrintWriter out = spec.commandLine().getOut();
            if (nodes.isEmpty()) {
                out.println("no cluster started here (" + home().resolve("var/cluster") + ")");
                return 3;
            }
            nodes.forEach(n -> out.println(n.render()));
            return nodes.stream().allMatch(LocalCluster.NodeStatus::alive) ? 0 : 3;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "SIGTERM every node, SIGKILL after the timeout; the local Cassandra too if `cluster start` started it.")
    static final class Stop implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--timeout", defaultValue = "30", description = "Seconds before SIGKILL (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Option(names = "--keep-cassandra", description = "Leave the local Cassandra running even if `cluster start` started it.")
        boolean keepCassandra;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            LocalCluster local = new LocalCluster(home());
            Map<Integer, Boolean> stopped = local.stop(Duration.ofSeconds(timeoutSeconds));
            stopped.forEach((node, clean) -> out.println("node-" + node + " " + (clean ? "stopped" : "killed (SIGKILL)")));
            if (stopped.isEmpty()) {
                out.println("no live node");
            }
            if (Files.exists(local.cassandraMarker()) && !keepCassandra) {
                LocalCassandra cassandra = new LocalCassandra(
                        LocalCassandraSettings.defaults(home().resolve("var").resolve("cassandra")));
                out.println("cassandra: " + (cassandra.stop(LocalCassandra.DEFAULT_STOP_TIMEOUT) ? "stopped" : "not running"));
                Files.deleteIfExists(local.cassandraMarker());
            }
            return 0;
        }
    }

    @Command(name = "drain", mixinStandardHelpOptions = true,
            description = {"Drain node K through the admin API of another node (POST /api/cluster/nodes/{node}/drain):",
                "no MAG is redirected to it any more, the MAGs assigned to it are revoked and register again",
                "through the anycast address, its PBUs in flight are answered, then it leaves the cluster."})
    static final class Drain implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--node", required = true, paramLabel = "K|HOST:PORT",
                description = "Node number as in `cluster start` (cluster port base-port+K-1), or its host:port.")
        String node;

        @Option(names = "--base-port", defaultValue = "25520", description = "As given to `cluster start` (default: ${DEFAULT-VALUE}).")
        int basePort;

        @Option(names = "--admin", paramLabel = "URL",
                description = "Admin API to ask (default: node 1's, http://127.0.0.1:8080, or node 2's when draining node 1).")
        String admin;

        @Option(names = "--token", paramLabel = "TOKEN", description = "Admin token (default: $PMIP_ADMIN_TOKEN).")
        String token;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            boolean numbered = node.chars().allMatch(Character::isDigit);
            String member = numbered ? "127.0.0.1:" + (basePort + Integer.parseInt(node) - 1) : node;
            String url = admin != null ? admin : "http://127.0.0.1:" + (numbered && node.equals("1") ? 8081 : 8080);
            String bearer = token != null ? token : System.getenv().getOrDefault("PMIP_ADMIN_TOKEN", "");
            if (bearer.isBlank()) {
                err.println("no admin token: pass --token or set PMIP_ADMIN_TOKEN");
                return 2;
            }
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/api/cluster/nodes/" + member + "/drain"))
                            .header("Authorization", "Bearer " + bearer)
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(30)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            (response.statusCode() == 202 ? out : err).println(response.body());
            return response.statusCode() == 202 ? 0 : 1;
        }
    }
}
