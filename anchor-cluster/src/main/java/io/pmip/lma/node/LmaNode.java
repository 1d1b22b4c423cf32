package io.pmip.lma.node;

import com.typesafe.config.Config;
import io.pmip.lma.BindingShard;
import io.pmip.lma.MagSessions;
import io.pmip.lma.admin.AdminServer;
import io.pmip.lma.metrics.LmaMetrics;
import io.pmip.lma.peer.HeartbeatSettings;
import io.pmip.lma.index.BindingDirectory;
import io.pmip.lma.peer.MagBindings;
import io.pmip.lma.peer.MagPeers;
import io.pmip.lma.redirect.Capacity;
import io.pmip.lma.redirect.LoadGossip;
import io.pmip.lma.redirect.LoadView;
import io.pmip.lma.redirect.RedirectPolicy;
import io.pmip.lma.redirect.Redirection;
import io.pmip.lma.signaling.AcknowledgementRelay;
import io.pmip.lma.signaling.SignalingIngress;
import io.pmip.lma.signaling.SignalingSettings;
import io.pmip.persistence.cassandra.LocalCassandra;
import io.pmip.persistence.cassandra.LocalCassandraSettings;
import io.pmip.persistence.schema.SchemaMigration;
import io.pmip.persistence.schema.SchemaSettings;
import io.pmip.protocol.transport.TransportConfig;
import io.pmip.protocol.transport.TransportException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running LMA node: the actor system (cluster, sharded binding entities and prefix pools, the
 * journal of {@code pmip.lma.node.journal}) and the signaling ingress on the configured transports.
 * Coordinated shutdown closes the transports first, so no PBU reaches an entity that is stopping.
 */
public final class LmaNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LmaNode.class);

    private final ActorSystem<Void> system;
    private final BindingShard shard;
    private final SignalingIngress ingress;
    private final LmaMetrics metrics;
    private final long restartCounter;
    private final java.util.Optional<AdminServer> admin;
    private final LoadView loads;

    private LmaNode(ActorSystem<Void> system, BindingShard shard, SignalingIngress ingress, LmaMetrics metrics,
            long restartCounter, java.util.Optional<AdminServer> admin, LoadView loads) {
        this.loads = loads;
        this.system = system;
        this.shard = shard;
        this.ingress = ingress;
        this.metrics = metrics;
        this.restartCounter = restartCounter;
        this.admin = admin;
    }

    /**
     * Starts a node from a resolved configuration (normally {@link LmaConfig#load}). Joins the seed
     * nodes of {@code pekko.cluster.seed-nodes}, or itself when there are none.
     *
     * @throws IllegalStateException when a transport cannot be opened (e.g. MH without CAP_NET_RAW) or
     *                               the local Cassandra does not come up; nothing is left running
     */
    public static LmaNode start(Config config) {
        Config node = config.getConfig("pmip.lma.node");
        Path home = node.getString("home").isBlank() ? null : Path.of(node.getString("home"));
        if (autoStartsCassandra(config)) {
            startLocalCassandra(config, home);
        }
        long restartCounter = restartCounter(config, home);
        SignalingSettings signaling = SignalingSettings.fromConfig(node);
        List<TransportConfig> transports = transports(node);

        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), LmaConfig.ACTOR_SYSTEM_NAME, config);
        try {
            Cluster cluster = Cluster.get(system);
            if (config.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
                // A lone node forms a cluster of one.
                cluster.manager().tell(Join.create(cluster.selfMember().address()));
            }
            if (node.getString("journal").equals("cassandra")) {
                // Before any entity type starts: a node with another number of shards must not join.
                int shards = config.getInt(ShardingLayout.SETTING);
                ShardingLayout.Outcome layout = ShardingLayout.of(system, config).verify(shards,
                        clusterAddress(system), node.getBoolean("adopt-unrecorded-number-of-shards"),
                        node.getDuration("startup-check-timeout"));
                log.info(ShardingLayout.describe(layout, shards));
            }
            Clock clock = Clock.systemUTC();
            BindingShard shard = BindingShard.init(system, clock);
            LmaMetrics metrics = new LmaMetrics();
            SignalingIngress ingress = SignalingIngress.open(transports, shard, metrics, signaling, restartCounter,
                    clock);
            Set<InetAddress> ownUnicast = openUnicast(node, ingress);
            AcknowledgementRelay.start(system, ingress, clusterAddress(system));
            // Every node's index of the bindings it hosts is how a MAG's bindings are found when the MAG
            // restarted or a drain moves it.
            BindingDirectory directory = BindingDirectory.start(system);
            Duration entityTimeout = node.getDuration("entity-timeout");
            MagBindings magBindings = mag -> directory.allMobileNodesAt(mag, entityTimeout);
            LoadView loads = startLoadGossip(system, node, ingress, metrics, ownUnicast, clock,
                    new NodeDrain.MovedMags(new MagSessions(system, shard, entityTimeout), magBindings));
            CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "close-signaling",
                    () -> {
                        ingress.close();
                        return CompletableFuture.completedFuture(Done.getInstance());
                    });
            HeartbeatSettings heartbeat = HeartbeatSettings.fromConfig(config.getConfig("pmip.lma"));
            java.util.Optional<MagPeers> peers = heartbeat.enabled()
                    ? java.util.Optional.of(MagPeers.init(system, heartbeat, MagPeers.sender(ingress),
                            magBindings, shard, metrics, clock))
                    : java.util.Optional.empty();
            peers.ifPresent(ingress::attach);
            java.util.Optional<AdminServer> admin = AdminServer.startIfConfigured(system, shard, directory, ingress,
                    metrics, peers, java.util.Optional.of(loads), System.getenv());
            LmaNode lma = new LmaNode(system, shard, ingress, metrics, restartCounter, admin, loads);
            log.info("LMA node started: cluster={} udp={} mh={} journal={} restart-counter={}", lma.clusterAddress(),
                    lma.udpAddress(), lma.mhAddress(), node.getString("journal"), restartCounter);
            return lma;
        } catch (TransportException e) {
            stopAfterFailedStart(system);
            throw new IllegalStateException("cannot open the signaling transports: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stopAfterFailedStart(system);
            throw e;
        }
    }

    private static void stopAfterFailedStart(ActorSystem<Void> system) {
        system.terminate();
        awaitTermination(system, Duration.ofSeconds(30));
    }

    /** The unicast UDP socket on the anycast port, when configured; this node's unicast addresses. */
    private static Set<InetAddress> openUnicast(Config node, SignalingIngress ingress) throws TransportException {
        Set<InetAddress> own = new HashSet<>();
        String udp = node.getString("unicast.udp.address").trim();
        if (!udp.isEmpty() && ingress.udpAddress() != null) {
            // RFC 5844 section 3.1.1: one UDP port for PMIP, so the unicast socket uses the anycast one's.
            TransportConfig config = TransportConfig.parse("UDP_IPV4", udp, ingress.udpAddress().getPort());
            ingress.openUnicast(config);
            own.add(config.localAddress());
        }
        String mh = node.getString("unicast.mh.address").trim();
        if (!mh.isEmpty()) {
            own.add(TransportConfig.parse("MH_IPV6", mh, 0).localAddress());
        }
        return own;
    }

    /** Load gossip always runs (draining uses it); redirection only when enabled. */
    private static LoadView startLoadGossip(ActorSystem<Void> system, Config node, SignalingIngress ingress,
            LmaMetrics metrics, Set<InetAddress> ownUnicast, Clock clock, NodeDrain.MovedMags moved) {
        Duration interval = node.getDuration("redirect.gossip-interval");
        LoadView view = new LoadView(interval.multipliedBy(3), clock);
        String self = clusterAddress(system);
        InetSocketAddress udp = ingress.unicastUdpAddress();
        String mh = node.getString("unicast.mh.address").trim();
        NodeDrain drain = new NodeDrain(system, ingress, metrics, ownUnicast, moved,
                node.getDuration("drain-timeout"));
        system.systemActorOf(LoadGossip.create(new LoadGossip.Self(self,
                udp == null ? "" : udp.getAddress().getHostAddress(), mh, new PbuRate(metrics, clock), drain,
                new Capacity(node.getInt("redirect.priority"), node.getLong("redirect.maximum-sessions"),
                        node.getLong("redirect.maximum-capacity"))),
                view, interval, clock), "load-gossip", Props.empty());
        if (node.getBoolean("redirect.enabled")) {
            RedirectPolicy policy = RedirectPolicy.named(node.getString("redirect.policy"),
                    node.getDouble("redirect.rate-weight"));
            ingress.enableRedirection(new Redirection(view, policy, ownUnicast));
        }
        return view;
    }

    /** UDP and MH as enabled in {@code pmip.lma.node}. */
    static List<TransportConfig> transports(Config node) {
        List<TransportConfig> list = new ArrayList<>();
        if (node.getBoolean("udp.enabled")) {
            list.add(TransportConfig.parse("UDP_IPV4", node.getString("udp.address"), node.getInt("udp.port"))
                    .withReusePort(true));
        }
        if (node.getBoolean("mh.enabled")) {
            list.add(TransportConfig.parse("MH_IPV6", node.getString("mh.address"), 0));
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("neither pmip.lma.node.udp nor pmip.lma.node.mh is enabled");
        }
        return list;
    }

    /** journal = cassandra, auto-start on, and the contact points are the local default, not configured. */
    static boolean autoStartsCassandra(Config config) {
        Config node = config.getConfig("pmip.lma.node");
        return node.getString("journal").equals("cassandra")
                && node.getBoolean("auto-start-cassandra")
                && !config.getBoolean(LmaConfig.CONTACT_POINTS_EXPLICIT_PATH);
    }

    private static void startLocalCassandra(Config config, Path home) {
        Path data = (home == null ? Path.of("var") : home.resolve("var")).resolve("cassandra");
        LocalCassandra cassandra = new LocalCassandra(LocalCassandraSettings.defaults(data));
        Duration timeout = config.getDuration("pmip.lma.node.cassandra-start-timeout");
        log.info("journal=cassandra without configured contact points: starting or reusing the local Cassandra in {}",
                data);
        // Nodes started together on one host take turns: one launches Cassandra, the others find it
        // running; and concurrent CREATE TABLEs could leave Cassandra with mismatched table ids.
        Path lockFile = data.toAbsolutePath().getParent().resolve("cassandra-start.lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                // Not closed: the Cassandra JVM outlives this node and serves the others (`pmip cassandra stop`).
                cassandra.start(timeout);
                int statements = new SchemaMigration(SchemaSettings.fromConfig(config))
                        .apply(List.of(cassandra.contactPoint()), config.getString("pmip.cassandra.local-datacenter"));
                log.info("schema applied to {} ({} statements)", cassandra.contactPointString(), statements);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private static long restartCounter(Config config, Path home) {
        Config node = config.getConfig("pmip.lma.node");
        Path file;
        if (!node.getString("restart-counter-file").isBlank()) {
            file = Path.of(node.getString("restart-counter-file"));
        } else if (home != null) {
            file = home.resolve("var").resolve("lma")
                    .resolve("restart-counter-" + config.getInt("pekko.remote.artery.canonical.port"));
        } else {
            return 1;
        }
        try {
            return RestartCounterFile.next(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the restart counter in " + file + ": " + e.getMessage(), e);
        }
    }

    public ActorSystem<Void> system() {
        return system;
    }

    public BindingShard shard() {
        return shard;
    }

    /** The bound UDP address, or null when UDP is not enabled. */
    public InetSocketAddress udpAddress() {
        return ingress.udpAddress();
    }

    /** The bound raw Mobility Header address, or null when MH is not enabled. */
    public InetAddress mhAddress() {
        return ingress.mhAddress();
    }

    public LmaMetrics metrics() {
        return metrics;
    }

    /** The bound admin API address, or null when the admin API is off (disabled or no token). */
    public InetSocketAddress adminAddress() {
        return admin.map(AdminServer::address).orElse(null);
    }

    /** This start's RFC 5847 Restart Counter. */
    public long restartCounter() {
        return restartCounter;
    }

    /** This node's signaling front (its MAG contacts, revocations). */
    public SignalingIngress ingress() {
        return ingress;
    }

    /** What this node knows of every node's load (RFC 6463 redirect targets). */
    public LoadView loads() {
        return loads;
    }

    /** This node's unicast UDP address, or null when it has none. */
    public InetSocketAddress unicastUdpAddress() {
        return ingress.unicastUdpAddress();
    }

    /** host:port of this node in the cluster. */
    public String clusterAddress() {
        return clusterAddress(system);
    }

    private static String clusterAddress(ActorSystem<?> system) {
        org.apache.pekko.actor.Address a = Cluster.get(system).selfMember().address();
        return a.host().getOrElse(() -> "?") + ":" + a.port().getOrElse(() -> 0);
    }

    /**
     * Waits until this node is an Up member of the cluster.
     *
     * @throws IllegalStateException when it is not Up within {@code timeout}
     */
    public LmaNode awaitUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Cluster cluster = Cluster.get(system);
        while (cluster.selfMember().status() != MemberStatus.up()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cluster member " + clusterAddress() + " not Up within " + timeout
                        + " (status " + cluster.selfMember().status() + ")");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the cluster", e);
            }
        }
        return this;
    }

    /** The line `pmip lma` prints when the node is ready. */
    public String upLine() {
        InetSocketAddress udp = udpAddress();
        InetAddress mh = mhAddress();
        return "lma up: cluster=" + clusterAddress()
                + " udp=" + (udp == null ? "off" : udp.getAddress().getHostAddress() + ":" + udp.getPort())
                + " mh=" + (mh == null ? "off" : mh.getHostAddress());
    }

    /** Runs coordinated shutdown (transports first, then leaving the cluster) and waits for it. */
    @Override
    public void close() {
        CoordinatedShutdown.get(system).run(CoordinatedShutdown.unknownReason());
        awaitTermination(system, Duration.ofSeconds(60));
        ingress.close(); // idempotent; covers a system that terminated without coordinated shutdown
    }

    private static void awaitTermination(ActorSystem<?> system, Duration timeout) {
        try {
            system.getWhenTerminated().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("actor system did not terminate within {}", timeout);
        }
    }
}
