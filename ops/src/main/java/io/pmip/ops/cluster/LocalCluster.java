package io.pmip.ops.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The LMA processes of one host, each in {@code $PMIP_HOME/var/cluster/node-k/} (pid file and
 * log). Starting refuses while any recorded node is alive; stopping ends them all.
 */
public final class LocalCluster {
    /** Marks that {@code start} started the local Cassandra, so {@code stop} may stop it too. */
    static final String CASSANDRA_MARKER = "cassandra-started-by-cluster";

    private final Path home;
    private final Path root;

    public LocalCluster(Path home) {
        this.home = home;
        this.root = home.resolve("var").resolve("cluster");
    }

    public Path nodeDir(int node) {
        return root.resolve("node-" + node);
    }

    /** What {@code status} reports of one node. */
    public record NodeStatus(int node, Optional<Long> pid, boolean alive, Optional<UpLine> up, Path dir) {
        public String render() {
            return String.format("node-%d  pid %-8s %-6s %s", node, pid.map(String::valueOf).orElse("-"),
                    alive ? "alive" : "dead",
                    up.map(u -> "cluster=" + u.cluster() + " udp=" + (u.udp() == null ? "off"
                            : u.udp().getAddress().getHostAddress() + ":" + u.udp().getPort())
                            + " mh=" + (u.mh() == null ? "off" : u.mh().getHostAddress()))
                            .orElse(alive ? "(starting)" : ""));
        }
    }

    /**
     * Starts every node and returns once each printed its up line.
     *
     * @param env the environment the nodes inherit (PMIP_CASSANDRA_CONTACT_POINTS among it)
     * @throws IllegalStateException when nodes of an earlier start are alive, or a node fails to
     *                               come up (every node started here is then stopped)
     */
    public List<NodeStatus> start(ClusterSpec spec, LmaLauncher launcher, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        List<NodeStatus> running = status().stream().filter(NodeStatus::alive).toList();
        if (!running.isEmpty()) {
            throw new IllegalStateException("nodes of an earlier start are alive (pmip cluster stop first): "
                    + running.stream().map(n -> "node-" + n.node()).toList());
        }
        deleteOldNodeDirs();
        List<LmaProcess> started = new ArrayList<>();
        try {
            for (int k = 1; k <= spec.nodes(); k++) {
                started.add(LmaProcess.launch(launcher, nodeDir(k), nodeEnv(spec, k, env), args(spec)));
            }
            for (LmaProcess p : started) {
                p.awaitUp(timeout);
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            started.forEach(p -> p.stop(Duration.ofSeconds(10)));
            throw e;
        }
        return status();
    }

    private static List<String> args(ClusterSpec spec) {
        List<String> args = new ArrayList<>(List.of("--journal", spec.journal()));
        spec.configFile().ifPresent(f -> args.addAll(List.of("--config", f.toAbsolutePath().toString())));
        return args;
    }

    private Map<String, String> nodeEnv(ClusterSpec spec, int k, Map<String, String> env) {
        Map<String, String> e = new HashMap<>(env);
        e.put("PMIP_HOME", home.toAbsolutePath().toString());
        e.put("PMIP_JOURNAL", spec.journal());
        e.put("PMIP_CLUSTER_HOST", spec.host());
        e.put("PMIP_CLUSTER_PORT", String.valueOf(spec.clusterPort(k)));
        e.put("PMIP_SEED_NODES", spec.seedNodes());
        e.put("PMIP_LMA_UDP_PORT", String.valueOf(spec.udpPort()));
        e.put("PMIP_LMA_MH_ENABLED", String.valueOf(k == 1 && spec.mhOnFirst()));
        e.put("PMIP_ADMIN_PORT", String.valueOf(spec.adminPort(k)));
        return e;
    }

    private void deleteOldNodeDirs() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            // The previous start's nodes are all dead (checked): their logs go, so status shows only this start.
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("node-\\d+")).toList()) {
                Files.deleteIfExists(dir.resolve(LmaProcess.PID_FILE));
                Files.deleteIfExists(dir.resolve(LmaProcess.LOG_FILE));
                try {
                    Files.deleteIfExists(dir);
                } catch (java.nio.file.DirectoryNotEmptyException kept) {
                    // something else lives there: leave it
                }
            }
        }
    }

    /** Every node directory, in node order. */
    public List<NodeStatus> status() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<NodeStatus> nodes = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("node-\\d+")).sorted(
                    java.util.Comparator.comparingInt(LocalCluster::nodeNumber)).toList()) {
                Optional<LmaProcess> p = LmaProcess.attach(dir);
                Optional<Long> pid = p.map(LmaProcess::pid).or(() -> recordedPid(dir));
                nodes.add(new NodeStatus(nodeNumber(dir), pid, p.isPresent(), LmaProcess.upLine(dir), dir));
            }
        }
        return nodes;
    }

    private static Optional<Long> recordedPid(Path dir) {
        try {
            return Optional.of(Long.parseLong(Files.readString(dir.resolve(LmaProcess.PID_FILE)).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int nodeNumber(Path dir) {
        return Integer.parseInt(dir.getFileName().toString().substring("node-".length()));
    }

    /**
     * SIGTERM to every live node, SIGKILL to those still alive after {@code timeout}.
     *
     * @return per node: true when it stopped on SIGTERM
     */
    public Map<Integer, Boolean> stop(Duration timeout) throws IOException {
        Map<Integer, Boolean> result = new java.util.TreeMap<>();
        List<LmaProcess> live = new ArrayList<>();
        for (NodeStatus n : status()) {
            LmaProcess.attach(n.dir()).ifPresent(live::add);
        }
        // Signal all first, so the nodes leave together rather than one by one handing shards over.
        live.forEach(p -> ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroy));
        for (LmaProcess p : live) {
            result.put(nodeNumber(p.dir()), p.stop(timeout));
        }
        return result;
    }

    Path cassandraMarker() {
        return root.resolve(CASSANDRA_MARKER);
    }
}
