package io.pmip.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import io.pmip.ops.cluster.JournalCassandra;
import io.pmip.ops.cluster.LmaLauncher;
import io.pmip.ops.cluster.LmaProcess;
import io.pmip.ops.cluster.LocalPorts;
import io.pmip.ops.load.LoadClient;
import io.pmip.ops.load.LoadPhase;
import io.pmip.ops.load.LoadProfile;
import io.pmip.ops.load.LoadReport;
import io.pmip.persistence.PersistenceConfig;
import io.pmip.persistence.schema.SchemaMigration;
import io.pmip.persistence.schema.SchemaSettings;
import io.pmip.protocol.Ipv6Prefix;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A failover drill on one host: {@code nodes} {@code pmip lma} processes on one Cassandra share one
 * UDP address (SO_REUSEPORT, the one-host stand-in for the anycast LMA address), emulated MAGs
 * register mobile nodes, one node is killed with SIGKILL, and the bindings it hosted are refreshed
 * in rounds until each was accepted again (RFC 5213 section 5.3.3) with the prefix it had.
 *
 * <p>Which bindings the victim hosted comes from the admin API ({@code GET /api/cluster}: the
 * shard ids of each node) and Cluster Sharding's default shard of an entity,
 * {@code abs(mnId.hashCode() % number-of-shards)}.
 */
public final class FailoverDrill implements AutoCloseable {
    /**
     * The nodes' number-of-shards: cluster.conf under the drill's extra configuration, which may set
     * another. The victim's bindings are those whose shard the victim hosts, so a drill that mapped
     * them with another number than the nodes would follow the wrong bindings.
     */
    static int numberOfShards(String extraConfig) {
        return com.typesafe.config.ConfigFactory.parseString(extraConfig)
                .withFallback(com.typesafe.config.ConfigFactory.parseResources("cluster.conf")).resolve()
                .getInt("pekko.cluster.sharding.number-of-shards");
    }

    /**
     * @param nodes          LMA processes (>= 3: keep-majority needs a majority left)
     * @param victim         which one is killed, 1-based (1 is the oldest: it also runs the shard coordinator)
     * @param mags           emulated MAGs (each its own loopback address)
     * @param mobileNodesPerMag mobile nodes per MAG
     * @param registerRate   registrations offered per second (a round's unanswered ones go again)
     * @param probeTimeout   how long a probe waits for its PBA before the next round sends another
     * @param keyspaceSuffix non-empty: journal, snapshot and projection keyspaces of their own
     *                       ({@code pmip_journal_<suffix>}, ...), so a drill starts from an empty journal
     *                       on a Cassandra that earlier drills used (their remembered entities would
     *                       all start with the cluster)
     */
    public record Settings(int nodes, int victim, int mags, int mobileNodesPerMag, double registerRate, Duration probeTimeout,
            String heap, Path dir, String contactPoints, String extraConfig, String keyspaceSuffix) {
        public Settings {
            if (nodes < 3 || victim < 1 || victim > nodes) {
                throw new IllegalArgumentException("need >= 3 nodes and a victim among them: " + nodes + ", " + victim);
            }
        }

        int mobileNodes() {
            return mags * mobileNodesPerMag;
        }
    }

    /**
     * What the drill saw.
     *
     * @param victimRecoveryMillis per binding of the victim, kill to its first accepted refresh (sorted)
     * @param lost                 mobile nodes whose final refresh was not accepted or changed prefix
     * @param timeline             survivors' log lines about the victim, as "+ms line"
     * @param sharding             a survivor's view of the cluster once a second after the kill, as "+ms view"
     */
    public record Result(int bindings, int victimBindings, long[] victimRecoveryMillis, int unrecovered,
            LoadReport verification, List<String> lost, int probeRounds, List<String> timeline,
            List<String> sharding) {
        public long allServedMillis() {
            return victimRecoveryMillis.length == 0 ? 0 : victimRecoveryMillis[victimRecoveryMillis.length - 1];
        }

        /** Bindings of the victim served again within {@code millis} of the kill. */
        public int servedWithin(long millis) {
            int served = 0;
            for (long t : victimRecoveryMillis) {
                if (t <= millis) {
                    served++;
                }
            }
            return served;
        }

        public long percentileMillis(double p) {
            if (victimRecoveryMillis.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p / 100.0 * victimRecoveryMillis.length) - 1;
            return victimRecoveryMillis[Math.max(0, Math.min(i, victimRecoveryMillis.length - 1))];
        }
    }

    private final Settings settings;
    private final int numberOfShards;
    private final Consumer<String> progress;
    private final List<LmaProcess> processes = new ArrayList<>();
    private final List<Integer> adminPorts = new ArrayList<>();
    private final List<Integer> clusterPorts = new ArrayList<>();
    private final String token = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private InetSocketAddress lmaUdp;
    private LoadClient mags;

    public FailoverDrill(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.numberOfShards = numberOfShards(settings.extraConfig());
        this.progress = progress;
    }

    /** Starts the nodes and waits until each is up and all are cluster members. */
    public void start(LmaLauncher launcher, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(settings.dir());
        Path conf = settings.dir().resolve("failover.conf");
        // One clock for MAGs and LMAs, but a loaded machine may hold a PBU longer than 300 ms; few
        // prefix pool shards, so a cold cluster is not busy recovering 256 of them (as the ITs do).
        Files.writeString(conf, """
                pmip.lma.timestamp-validity-window = 30s
                pmip.lma.prefix-pool-timeout = 10s
                pmip.lma.prefix-pools.default.shards-per-aggregate = 16
                pekko.loglevel = WARNING
                """ + settings.extraConfig() + "\n");
        Map<String, String> keyspaces = keyspaces();
        int udpPort = LocalPorts.freeUdpPort();
        for (int k = 1; k <= settings.nodes(); k++) {
            clusterPorts.add(LocalPorts.freeTcpPort());
            adminPorts.add(LocalPorts.freeTcpPort());
        }
        for (int k = 1; k <= settings.nodes(); k++) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("PMIP_HOME", settings.dir().resolve("node-" + k).toString());
            env.put("PMIP_JOURNAL", "cassandra");
            env.put("PMIP_CASSANDRA_CONTACT_POINTS", settings.contactPoints());
            env.put("PMIP_CLUSTER_HOST", "127.0.0.1");
            env.put("PMIP_CLUSTER_PORT", String.valueOf(clusterPorts.get(k - 1)));
            env.put("PMIP_SEED_NODES", "127.0.0.1:" + clusterPorts.get(0));
            env.put("PMIP_LMA_UDP_PORT", String.valueOf(udpPort));
            env.put("PMIP_LMA_MH_ENABLED", "false");
            env.put("PMIP_ADMIN_PORT", String.valueOf(adminPorts.get(k - 1)));
            env.put("PMIP_ADMIN_TOKEN", token);
            env.putAll(keyspaces);
            // The serial collector: three nodes and Cassandra share two cores here, and parallel GC
            // threads of each would only compete with the others' heartbeats.
            processes.add(LmaProcess.launch(launcher.withJvmOptions(List.of("-Xmx" + settings.heap(), "-XX:+UseSerialGC")),
                    settings.dir().resolve("node-" + k), env, List.of("--journal", "cassandra", "--config", conf.toString())));
            // One at a time: on a small machine three JVMs warming up at once starve each other's
            // heartbeats, and a joining node may be downed before it is up.
            lmaUdp = processes.get(k - 1).awaitUp(timeout).udp();
            awaitUpMembers(1, k, timeout);
        }
        progress.accept(settings.nodes() + " nodes up, UDP " + lmaUdp);
    }

    /** The keyspace variables of the nodes, after creating those keyspaces; none for the default ones. */
    private Map<String, String> keyspaces() {
        if (settings.keyspaceSuffix().isEmpty()) {
            return Map.of();
        }
        String suffix = settings.keyspaceSuffix();
        Config config = PersistenceConfig.forContactPoint(settings.contactPoints());
        SchemaSettings schema = SchemaSettings.fromConfig(config).withJournalKeyspace("pmip_journal_" + suffix)
                .withSnapshotKeyspace("pmip_snapshot_" + suffix).withProjectionKeyspace("pmip_projection_" + suffix);
        new SchemaMigration(schema).apply(List.of(SchemaMigration.contactPoint(settings.contactPoints())),
                JournalCassandra.LOCAL_DATACENTER);
        return Map.of("PMIP_CASSANDRA_JOURNAL_KEYSPACE", "pmip_journal_" + suffix,
                "PMIP_CASSANDRA_SNAPSHOT_KEYSPACE", "pmip_snapshot_" + suffix,
                "PMIP_CASSANDRA_PROJECTION_KEYSPACE", "pmip_projection_" + suffix);
    }

    /**
     * Registers every mobile node, in rounds until each has a prefix (a round's PBU that timed out is
     * sent again; the same MAG and link-layer identifier find the same session, RFC 5213 5.4.1.2).
     */
    public LoadReport register(Duration timeout) throws Exception {
        LoadProfile profile = LoadProfile.udp(lmaUdp.getAddress(), lmaUdp.getPort(), settings.mags(),
                settings.mobileNodesPerMag(), 0).withMaxInFlight(settings.mobileNodes())
                .withRetransmission(settings.probeTimeout(), 1).withTag("failover");
        // A few registrations first, slowly: prefix pool shards and journal sessions come up before the load.
        try (LoadClient warm = LoadClient.open(LoadProfile.udp(lmaUdp.getAddress(), lmaUdp.getPort(), 1, 64, 16)
                .withMaxInFlight(4).withRetransmission(Duration.ofSeconds(5), 5).withTag("failover-warm"))) {
            progress.accept("warm-up " + warm.run(LoadPhase.REGISTER, timeout).render());
        }
        mags = LoadClient.open(profile);
        long deadline = System.nanoTime() + timeout.toNanos();
        LoadReport first = null;
        while (true) {
            LoadReport r = mags.run(LoadPhase.REGISTER, lmaUdp, timeout, i -> mags.prefixes(i).isEmpty(),
                    settings.registerRate());
            first = first == null ? r : first;
            progress.accept("register round: " + r.render());
            int missing = (int) java.util.stream.IntStream.range(0, profile.mobileNodes())
                    .filter(i -> mags.prefixes(i).isEmpty()).count();
            if (missing == 0) {
                return first;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(missing + " mobile nodes not registered within " + timeout);
            }
        }
    }

    /** Kills the victim, refreshes its bindings until each was accepted again, then verifies all. */
    public Result killAndRecover(Duration timeout) throws Exception {
        int survivor = settings.victim() == 1 ? 2 : 1;
        BitSet victimShards = shardsOf(survivor, settings.victim());
        int n = settings.mobileNodes();
        BitSet onVictim = new BitSet(n);
        for (int i = 0; i < n; i++) {
            String mnId = mags.profile().mobileNodeIdentifier(i);
            if (victimShards.get(Math.abs(mnId.hashCode() % numberOfShards))) {
                onVictim.set(i);
            }
        }
        List<List<Ipv6Prefix>> before = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            before.add(mags.prefixes(i));
        }
        progress.accept("node-" + settings.victim() + " hosts " + victimShards.cardinality() + " shards, "
                + onVictim.cardinality() + " of " + n + " bindings; SIGKILL");

        LmaProcess victim = processes.get(settings.victim() - 1);
        mags.forgetLateAnswers();
        long killedAt = System.nanoTime();
        long killedWall = System.currentTimeMillis();
        victim.kill();
        Thread sampler = sampleSharding(survivor, killedAt);

        // Like MAGs that keep refreshing: every binding still waiting is sent a refresh once per probe
        // timeout (each has at most one outstanding), until each was accepted again. An accepting PBA
        // that arrives after its probe timed out counts too, at its arrival: the binding was served then.
        BitSet waiting = (BitSet) onVictim.clone();
        int rounds = probeUntilAccepted(waiting, killedAt, killedAt + timeout.toNanos(), timeout, 0);
        long[] recovery = onVictim.stream().map(i -> (int) ((servedAt(i, killedAt) - killedAt) / 1_000_000))
                .filter(ms -> ms >= 0).asLongStream().sorted().toArray();
        progress.accept("victim's bindings served again: " + recovery.length + " of " + onVictim.cardinality()
                + " after " + rounds + " rounds, the last " + (recovery.length == 0 ? "-" : recovery[recovery.length - 1])
                + " ms after the kill (" + lastRound.late() + " late PBAs in the last round)");
        sampler.interrupt();
        sampler.join(20_000);

        // Zero lost: every binding of the cluster is refreshed again and must be accepted with the prefix
        // it had. A closed loop with VERIFY_IN_FLIGHT outstanding: it checks the bindings, not the
        // cluster's throughput, and never offers more than the survivors answer (an open loop of one
        // PBU per binding per second offered 10,000/s and got every answer after its timeout).
        mags.forgetLateAnswers();
        long verifyFrom = System.nanoTime();
        BitSet unverified = new BitSet(n);
        unverified.set(0, n);
        int verifyRounds = probeUntilAccepted(unverified, verifyFrom, verifyFrom + timeout.toNanos(), timeout,
                VERIFY_IN_FLIGHT);
        LoadReport verification = lastRound;
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean late = mags.acceptedAtNanos(i) <= verifyFrom;
            List<Ipv6Prefix> now = late ? mags.lateGranted(i) : mags.prefixes(i);
            if (unverified.get(i) || !now.equals(before.get(i))) {
                lost.add(mags.profile().mobileNodeIdentifier(i) + " " + before.get(i) + " -> "
                        + (unverified.get(i) ? "no refresh accepted" : now));
            }
        }
        progress.accept("verification: " + (n - unverified.cardinality()) + " of " + n + " refreshed in " + verifyRounds
                + " rounds; lost " + lost.size());
        return new Result(n, onVictim.cardinality(), recovery, waiting.cardinality(), verification, lost, rounds,
                timeline(killedWall, survivor), List.copyOf(shardingViews));
    }

    private final List<String> shardingViews = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * Asks {@code survivor} for the cluster once a second until interrupted, recording when the victim
     * left the membership, when its shards were hosted again and how many binding entities run: the
     * phases of the failover as the cluster saw them, next to the probes' view.
     */
    private Thread sampleSharding(int survivor, long killedAt) {
        Thread t = new Thread(() -> {
            String last = "";
            while (!Thread.currentThread().isInterrupted()) {
                long at = (System.nanoTime() - killedAt) / 1_000_000;
                try {
                    JsonNode cluster = get(survivor, "/api/cluster");
                    int members = 0;
                    int unreachable = 0;
                    for (JsonNode m : cluster.path("members")) {
                        members++;
                        unreachable += m.path("reachable").asBoolean(true) ? 0 : 1;
                    }
                    int shards = 0;
                    int entities = 0;
                    for (JsonNode region : cluster.path("sharding").path("Binding")) {
                        shards += region.path("shards").asInt();
                        entities += region.path("entities").asInt();
                    }
                    String view = "members " + members + " (unreachable " + unreachable + "), Binding shards "
                            + shards + ", entities " + entities;
                    if (!view.equals(last)) {
                        shardingViews.add(String.format(java.util.Locale.ROOT, "%+7d ms %s", at, view));
                        last = view;
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    shardingViews.add(String.format(java.util.Locale.ROOT, "%+7d ms no answer: %s", at, e));
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "failover-sharding-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** PBUs the verification keeps outstanding. */
    static final int VERIFY_IN_FLIGHT = 128;

    private LoadReport lastRound;

    /** When mobile node {@code i} was first served after {@code since} (matched or late PBA); 0 if not. */
    private long servedAt(int i, long since) {
        long matched = mags.acceptedAtNanos(i) > since ? mags.acceptedAtNanos(i) : Long.MAX_VALUE;
        long late = mags.lateAcceptedAtNanos(i) > since ? mags.lateAcceptedAtNanos(i) : Long.MAX_VALUE;
        long first = Math.min(matched, late);
        return first == Long.MAX_VALUE ? 0 : first;
    }

    /**
     * Refreshes the mobile nodes in {@code waiting} in rounds and clears each once served after
     * {@code since}: open loop at {@code waiting} PBUs per probe timeout when {@code maxInFlight} is 0,
     * else a closed loop with at most {@code maxInFlight} outstanding.
     *
     * @return the rounds run
     */
    private int probeUntilAccepted(BitSet waiting, long since, long deadline, Duration roundTimeout, int maxInFlight)
            throws InterruptedException {
        int rounds = 0;
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            rounds++;
            if (maxInFlight == 0) {
                double rate = waiting.cardinality() * 1000.0 / settings.probeTimeout().toMillis();
                lastRound = mags.run(LoadPhase.REFRESH, lmaUdp, roundTimeout, waiting::get, rate);
            } else {
                lastRound = mags.run(LoadPhase.REFRESH, lmaUdp, roundTimeout, waiting::get, 0, maxInFlight);
            }
            for (int i = waiting.nextSetBit(0); i >= 0; i = waiting.nextSetBit(i + 1)) {
                if (servedAt(i, since) > 0) {
                    waiting.clear(i);
                }
            }
        }
        return rounds;
    }

    /** The shards (as a set of ids) that {@code node} hosts, asked of {@code asking}'s admin API. */
    private BitSet shardsOf(int asking, int node) throws IOException, InterruptedException {
        JsonNode cluster = get(asking, "/api/cluster");
        JsonNode regions = cluster.path("sharding").path("Binding");
        String address = "127.0.0.1:" + clusterPorts.get(node - 1);
        BitSet shards = new BitSet(numberOfShards);
        int total = 0;
        for (var it = regions.fields(); it.hasNext(); ) {
            var region = it.next();
            for (JsonNode id : region.getValue().path("shardIds")) {
                total++;
                int shard = Integer.parseInt(id.asText());
                if (shard >= numberOfShards) {
                    throw new IllegalStateException("node " + region.getKey() + " hosts shard " + shard
                            + ", but the drill maps bindings to " + numberOfShards + " shards");
                }
                if (region.getKey().equals(address)) {
                    shards.set(shard);
                }
            }
        }
        if (shards.isEmpty()) {
            throw new IllegalStateException("node " + address + " hosts no Binding shard: " + regions);
        }
        if (total != numberOfShards) {
            progress.accept("warning: the nodes host " + total + " Binding shards, number-of-shards is " + numberOfShards);
        }
        progress.accept("Binding shards allocated: " + total + " (number-of-shards " + numberOfShards + ")");
        return shards;
    }

    private void awaitUpMembers(int asking, int members, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                int up = 0;
                for (JsonNode m : get(asking, "/api/cluster").path("members")) {
                    up += m.path("status").asText().equals("Up") ? 1 : 0;
                }
                if (up == members) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // not serving yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cluster did not reach " + members + " Up members within " + timeout);
            }
            Thread.sleep(250);
        }
    }

    private JsonNode get(int node, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPorts.get(node - 1) + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(15)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /**
     * The survivors' log lines naming the victim's cluster address (unreachable, SBR decision,
     * removal), with their offset from the kill. The log's clock has millisecond precision.
     */
    private List<String> timeline(long killedWallMillis, int survivor) throws IOException {
        String victimAddress = "127.0.0.1:" + clusterPorts.get(settings.victim() - 1);
        record Line(long offset, String text) {
        }
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int k = 1; k <= settings.nodes(); k++) {
            if (k == settings.victim()) {
                continue;
            }
            Path log = processes.get(k - 1).dir().resolve(LmaProcess.LOG_FILE);
            for (String line : Files.readAllLines(log)) {
                if (!line.contains(victimAddress) || line.length() < 12 || !Character.isDigit(line.charAt(0))) {
                    continue;
                }
                long at = LogClock.millisOfDay(line.substring(0, 12));
                long killedOfDay = killedWallMillis % 86_400_000L;
                String text = line.substring(13);
                if (at >= killedOfDay - 1000 && seen.add(k + text)) {
                    lines.add(new Line(at - killedOfDay, String.format(java.util.Locale.ROOT, "node-%d %+6d ms %s", k,
                            at - killedOfDay, text.length() > 200 ? text.substring(0, 200) + "..." : text)));
                }
            }
        }
        return lines.stream().sorted(java.util.Comparator.comparingLong(Line::offset)).map(Line::text).toList();
    }

    /** Time of day of the logback pattern HH:mm:ss.SSS, in UTC like the JVM's default here. */
    private static final class LogClock {
        static long millisOfDay(String hhmmssSSS) {
            java.time.LocalTime t = java.time.LocalTime.parse(hhmmssSSS);
            int offset = java.util.TimeZone.getDefault().getOffset(System.currentTimeMillis());
            return Math.floorMod(t.toNanoOfDay() / 1_000_000 - offset, 86_400_000L);
        }
    }

    /** Stops the surviving nodes (SIGTERM, then SIGKILL after 30 s) and closes the MAGs. */
    @Override
    public void close() {
        if (mags != null) {
            mags.close();
        }
        List<LmaProcess> live = processes.stream().filter(LmaProcess::isAlive).toList();
        live.forEach(p -> ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroy));
        live.forEach(p -> p.stop(Duration.ofSeconds(30)));
    }
}
