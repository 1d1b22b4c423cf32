package io.pmip.ops.demo;

import io.pmip.mag.MagCommand;
import io.pmip.mag.MagEvent;
import io.pmip.mag.PbuKind;
import io.pmip.ops.cluster.JournalCassandra;
import io.pmip.ops.cluster.LmaLauncher;
import io.pmip.ops.cluster.LmaProcess;
import io.pmip.ops.cluster.LocalPorts;
import io.pmip.ops.cluster.UpLine;
import io.pmip.persistence.cassandra.LocalCassandra;
import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.transport.SignalingTransports;
import io.pmip.protocol.transport.TransportConfig;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pmip demo}: the whole system in one command. Starts (or reuses) Cassandra, one LMA node,
 * and real MAG actors over UDP and raw IPv6; attaches mobile nodes, hands one off to another MAG,
 * detaches another, prints where everyone ended up, and cleans up what it started.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start Cassandra (unless PMIP_CASSANDRA_CONTACT_POINTS is set), one LMA node and MAGs; attach",
            "mobile nodes over UDP (RFC 5844) and raw IPv6 (when root/CAP_NET_RAW), hand one off, detach one,",
            "print a summary, then stop what was started (unless --keep-running)."})
public final class DemoCommand implements Callable<Integer> {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final AccessTechnologyType WIFI = AccessTechnologyType.IEEE_802_11;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--journal", defaultValue = "cassandra", paramLabel = "cassandra|inmem",
            description = "The LMA's journal (default: ${DEFAULT-VALUE}); inmem needs no Cassandra.")
    String journal;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Where var/ (Cassandra data, LMA log) goes (default: $PMIP_HOME, else the current directory).")
    Path homeOption;

    @Option(names = "--keep-running", description = "Leave the LMA (and a Cassandra started here) running.")
    boolean keepRunning;

    private final Map<String, DemoRow> rows = new LinkedHashMap<>();
    private final Map<String, MagEvent.PbaReceived> lastPba = new HashMap<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // Logging first, so the MAGs' actor system does not start while SLF4J is still initializing.
        org.slf4j.LoggerFactory.getILoggerFactory();
        Path home = homeOption != null ? homeOption.toAbsolutePath() : home();
        Map<String, String> env = new HashMap<>(System.getenv());
        Optional<LocalCassandra> startedCassandra = Optional.empty();
        if (journal.equals("cassandra")) {
            say(out, "1. Cassandra: " + (env.containsKey("PMIP_CASSANDRA_CONTACT_POINTS") ? "using "
                    + env.get("PMIP_CASSANDRA_CONTACT_POINTS") : "starting (or reusing) the local node in "
                    + home.resolve("var/cassandra") + " - the first start takes a minute"));
            JournalCassandra cassandra = JournalCassandra.ensure(home, env, Duration.ofMinutes(4));
            startedCassandra = cassandra.startedHere();
            env.put("PMIP_CASSANDRA_CONTACT_POINTS", cassandra.contactPoints());
            say(out, "   Cassandra at " + cassandra.contactPoints() + ", schema applied");
        } else {
            say(out, "1. journal: in memory (no Cassandra)");
        }

        boolean raw = rawSocketsAvailable();
        Path dir = home.resolve("var").resolve("demo");
        Files.createDirectories(dir);
        Path conf = dir.resolve("demo.conf");
        // MAG and LMA share this host's clock; a busy laptop may hold a PBU longer than the RFC's 300 ms,
        // and the first allocation from a prefix pool shard recovers it from the journal (seconds when cold).
        Files.writeString(conf, "pmip.lma.timestamp-validity-window = 5s\npmip.lma.prefix-pool-timeout = 20s\n");
        env.put("PMIP_HOME", home.toString());
        env.put("PMIP_JOURNAL", journal);
        env.put("PMIP_CLUSTER_PORT", String.valueOf(LocalPorts.freeTcpPort()));
        env.put("PMIP_SEED_NODES", "");
        env.put("PMIP_LMA_UDP_PORT", String.valueOf(LocalPorts.freeUdpPort()));
        env.put("PMIP_LMA_MH_ENABLED", String.valueOf(raw));
        say(out, "2. LMA: starting one node (log: " + dir.resolve("lma").resolve(LmaProcess.LOG_FILE) + ")");
        LmaProcess lma = LmaProcess.launch(LmaLauncher.fromCurrentJvm().withJvmOptions(List.of("-Xmx512m")),
                dir.resolve("lma"), env, List.of("--journal", journal, "--config", conf.toString()));
        boolean ok = false;
        try {
            UpLine up = lma.awaitUp(Duration.ofMinutes(4));
            say(out, "   " + "lma up: cluster=" + up.cluster() + " udp=" + up.udp().getAddress().getHostAddress() + ":"
                    + up.udp().getPort() + " mh=" + (up.mh() == null ? "off (not root: no raw sockets)" : "::1"));
            scenario(out, up, raw);
            ok = true;
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("pmip demo: " + e.getMessage());
        } finally {
            if (keepRunning && ok) {
                say(out, "LMA left running (pid " + lma.pid() + "); stop it with: kill " + lma.pid());
            } else {
                lma.stop(Duration.ofSeconds(30));
                say(out, "LMA stopped");
            }
            if (startedCassandra.isPresent()) {
                if (keepRunning) {
                    say(out, "Cassandra left running; stop it with: ops/bin/pmip cassandra stop");
                } else {
                    startedCassandra.get().stop(LocalCassandra.DEFAULT_STOP_TIMEOUT);
                    say(out, "Cassandra stopped (it was started by this demo)");
                }
            }
        }
        return ok ? 0 : 1;
    }

    private void scenario(PrintWriter out, UpLine up, boolean raw) throws Exception {
        try (DemoMags mags = new DemoMags()) {
            DemoMags.Mag magA = mags.udp("mag-a", "127.0.0.1", up.udp().getAddress(), up.udp().getPort());
            DemoMags.Mag magB = mags.udp("mag-b", "127.0.0.2", up.udp().getAddress(), up.udp().getPort());
            DemoMags.Mag magC = raw ? mags.mh("mag-c", up.mh()) : null;
            Consumer<DemoMags.Reported> seen = this::record;

            say(out, "3. attach: alice, bob, carol at mag-a (UDP)" + (raw ? ", dave at mag-c (raw IPv6 MH)" : ", dave at mag-b (UDP)"));
            Map<String, Bytes> links = Map.of("alice@demo.example", Bytes.fromHex("020000000a01"),
                    "bob@demo.example", Bytes.fromHex("020000000a02"), "carol@demo.example", Bytes.fromHex("020000000a03"),
                    "dave@demo.example", Bytes.fromHex("020000000a04"));
            for (String mn : List.of("alice@demo.example", "bob@demo.example", "carol@demo.example")) {
                attach(mags, magA, mn, links.get(mn), seen);
            }
            attach(mags, raw ? magC : magB, "dave@demo.example", links.get("dave@demo.example"), seen);

            say(out, "4. handoff: alice moves from mag-a to mag-b (HI 3, keeps her prefix)");
            List<Ipv6Prefix> alicePrefixes = rows.get("alice@demo.example").prefixes();
            magB.ref().tell(MagCommand.Attach.handoff("alice@demo.example", links.get("alice@demo.example"), WIFI,
                    alicePrefixes));
            MagEvent.Registered moved = mags.await(MagEvent.Registered.class,
                    r -> r.mobileNodeIdentifier().equals("alice@demo.example") && r.kind() == PbuKind.HANDOFF, WAIT, seen);
            put("alice@demo.example", magB, moved.homeNetworkPrefixes(),
                    moved.homeNetworkPrefixes().equals(alicePrefixes) ? "handed off, same prefix" : "handed off, NEW prefix");

            say(out, "5. detach: bob leaves mag-a (lifetime 0)");
            magA.ref().tell(new MagCommand.Detach("bob@demo.example"));
            MagEvent.Deregistered gone = mags.await(MagEvent.Deregistered.class,
                    d -> d.mobileNodeIdentifier().equals("bob@demo.example"), WAIT, seen);
            put("bob@demo.example", magA, List.of(), gone.statusCode() == 0 ? "detached" : "detach status " + gone.statusCode());
        }
        say(out, "");
        say(out, DemoRow.HEADER);
        rows.values().forEach(r -> say(out, r.render()));
        say(out, "");
    }

    private void attach(DemoMags mags, DemoMags.Mag mag, String mn, Bytes link, Consumer<DemoMags.Reported> seen)
            throws InterruptedException {
        mag.ref().tell(MagCommand.Attach.newAttachment(mn, link, WIFI));
        MagEvent.Registered r = mags.await(MagEvent.Registered.class, e -> e.mobileNodeIdentifier().equals(mn), WAIT, seen);
        put(mn, mag, r.homeNetworkPrefixes(), "registered");
    }

    private void put(String mn, DemoMags.Mag mag, List<Ipv6Prefix> prefixes, String what) {
        MagEvent.PbaReceived pba = lastPba.get(mn);
        String status = what + (pba == null ? "" : " (" + statusName(pba.statusCode()) + ")");
        rows.put(mn, new DemoRow(mn, mag.name(), mag.transport(), prefixes, status, pba == null ? null : pba.latency()));
    }

    private static String statusName(int code) {
        return BindingAckStatus.fromCode(code).map(s -> code + " " + s.name()).orElse(String.valueOf(code));
    }

    private void record(DemoMags.Reported r) {
        if (r.event() instanceof MagEvent.PbaReceived pba) {
            lastPba.put(pba.mobileNodeIdentifier(), pba);
        } else if (r.event() instanceof MagEvent.Rejected rej) {
            throw new IllegalStateException(rej.mobileNodeIdentifier() + " rejected by the LMA: " + statusName(rej.statusCode()));
        } else if (r.event() instanceof MagEvent.TimedOut t) {
            throw new IllegalStateException("no PBA for " + t.mobileNodeIdentifier() + " after " + t.transmissions()
                    + " transmissions");
        }
    }

    private static void say(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }

    private static boolean rawSocketsAvailable() {
        try (var t = SignalingTransports.open(TransportConfig.mhIpv6(InetAddress.getByName("::1")), d -> { })) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static Path home() {
        String home = System.getenv("PMIP_HOME");
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home).toAbsolutePath();
    }
}
