package io.pmip.ops.bench;

import io.pmip.ops.cluster.JournalCassandra;
import io.pmip.ops.cluster.LmaLauncher;
import io.pmip.ops.cluster.LmaProcess;
import io.pmip.ops.cluster.LocalPorts;
import io.pmip.ops.cluster.UpLine;
import io.pmip.ops.load.LoadClient;
import io.pmip.ops.load.LoadPhase;
import io.pmip.ops.load.LoadProfile;
import io.pmip.ops.load.LoadReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pmip bench lma}: registrations per second and PBA latency of one LMA process against the
 * raw insert rate of its Cassandra (measured in the same run), or heap per binding with the
 * in-memory journal. Writes a Markdown results file.
 */
@Command(name = "lma", mixinStandardHelpOptions = true,
        description = {"Benchmark one LMA process (started here) with emulated MAGs over UDP.",
            "--journal cassandra: raw CQL insert rate of the same Cassandra first (same concurrency), then",
            "registrations (closed loop at the same concurrency, or open loop at --rate); the ratio and p50/p90/p99/max.",
            "--journal inmem: heap per binding after registering --mns bindings (jcmd GC.run, GC.heap_info)."})
final class BenchLmaCommand implements Callable<Integer> {
    /** Targets of the issue: durable registrations >= 60 % of raw inserts with p99 < 50 ms; < 2 KiB per binding. */
    static final double TARGET_RATIO = 0.60;
    static final double TARGET_P99_MILLIS = 50;
    static final double TARGET_BYTES_PER_BINDING = 2048;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--journal", defaultValue = "cassandra", paramLabel = "cassandra|inmem")
    String journal;

    @Option(names = "--mns", defaultValue = "20000", description = "Mobile nodes registered (default: ${DEFAULT-VALUE}).")
    int mobileNodes;

    @Option(names = "--mags", defaultValue = "20", description = "Emulated MAGs (default: ${DEFAULT-VALUE}).")
    int mags;

    @Option(names = "--rate", defaultValue = "0",
            description = "PBUs per second, open loop; 0 (default) = closed loop at --concurrency, the most the LMA sustains.")
    double rate;

    @Option(names = "--concurrency", defaultValue = "256",
            description = "Outstanding raw inserts and outstanding PBUs (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--raw-rows", defaultValue = "50000", description = "Rows of the raw insert run (default: ${DEFAULT-VALUE}).")
    int rawRows;

    @Option(names = "--payload", defaultValue = "320", description = "Bytes per raw row, like a serialized binding event (default: ${DEFAULT-VALUE}).")
    int payloadBytes;

    @Option(names = "--heap-probe",
            description = "Also measure heap per binding with the Cassandra journal (always on with inmem).")
    boolean heapProbe;

    @Option(names = "--heap", defaultValue = "1g", description = "-Xmx of the LMA process (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--lma-config", paramLabel = "HOCON",
            description = "Extra configuration lines for the LMA, e.g. 'pekko.persistence.max-concurrent-recoveries = 200'.")
    String lmaConfig = "";

    @Option(names = "--out", paramLabel = "FILE", description = "Results file (default: ops/benchmarks/lma-<journal>.md under $PMIP_HOME).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        Path home = home();
        List<String> lines = new ArrayList<>();
        String command = "ops/bin/pmip " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        lines.add("## `" + command.trim() + "`");
        lines.add("");
        lines.add("- run at " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, load average before: "
                + loadAverage());

        Map<String, String> env = new HashMap<>(System.getenv());
        Optional<io.pmip.persistence.cassandra.LocalCassandra> startedCassandra = Optional.empty();
        RawInsertBench.Result raw = null;
        if (journal.equals("cassandra")) {
            JournalCassandra cassandra = JournalCassandra.ensure(home, env, Duration.ofMinutes(3));
            startedCassandra = cassandra.startedHere();
            env.put("PMIP_CASSANDRA_CONTACT_POINTS", cassandra.contactPoints());
            console.println("raw CQL inserts into " + cassandra.contactPoints() + " ...");
            console.flush();
            raw = RawInsertBench.run(cassandra.contactPoints(), rawRows, concurrency, payloadBytes);
            lines.add(String.format(Locale.ROOT, "- raw CQL inserts (%d rows of %d B, %d outstanding): **%.0f rows/s**,"
                    + " latency ms p50 %.2f p90 %.2f p99 %.2f max %.2f, errors %d", raw.rows(), payloadBytes, concurrency,
                    raw.perSecond(), raw.percentileMillis(50), raw.percentileMillis(90), raw.percentileMillis(99),
                    raw.latencyMicros().getMaxValue() / 1000.0, raw.errors()));
            console.println(lines.get(lines.size() - 1));
        }

        Path dir = home.resolve("var").resolve("bench").resolve("lma-" + journal);
        Path conf = dir.resolve("bench.conf");
        Files.createDirectories(dir);
        // Same clock for MAGs and LMA; a loaded machine may hold a PBU longer than 300 ms.
        Files.writeString(conf, "pmip.lma.timestamp-validity-window = 30s\npekko.loglevel = WARNING\n" + lmaConfig + "\n");
        int udpPort = LocalPorts.freeUdpPort();
        env.put("PMIP_HOME", home.toString());
        env.put("PMIP_JOURNAL", journal);
        env.put("PMIP_CLUSTER_PORT", String.valueOf(LocalPorts.freeTcpPort()));
        env.put("PMIP_SEED_NODES", "");
        env.put("PMIP_LMA_UDP_PORT", String.valueOf(udpPort));
        env.put("PMIP_LMA_MH_ENABLED", "false");
        LmaProcess lma = LmaProcess.launch(LmaLauncher.fromCurrentJvm().withJvmOptions(List.of("-Xmx" + heap)), dir,
                env, List.of("--journal", journal, "--config", conf.toString()));
        try {
            UpLine up = lma.awaitUp(Duration.ofMinutes(4));
            LoadProfile base = LoadProfile.udp(up.udp().getAddress(), up.udp().getPort(), mags,
                    Math.max(1, mobileNodes / mags), rate).withMaxInFlight(concurrency)
                    .withRetransmission(Duration.ofMillis(1500), 4);
            try (LoadClient warm = LoadClient.open(LoadProfile.udp(up.udp().getAddress(), up.udp().getPort(), 4, 250, 200)
                    .withMaxInFlight(64).withTag("warm"))) {
                LoadReport w = warm.run(LoadPhase.REGISTER, Duration.ofMinutes(5));
                lines.add("- warm-up (not counted): " + w.render());
                w = warm.run(LoadPhase.DEREGISTER, Duration.ofMinutes(5));
            }
            boolean probeHeap = journal.equals("inmem") || heapProbe;
            long heapBefore = probeHeap ? HeapProbe.usedAfterGc(lma.pid()) : 0;
            try (LoadClient client = LoadClient.open(base.withTag("bench"))) {
                console.println("registering " + base.mobileNodes() + " mobile nodes at "
                        + (rate > 0 ? rate + "/s" : "max rate") + " ...");
                console.flush();
                LoadReport reg = client.run(LoadPhase.REGISTER, Duration.ofMinutes(20));
                lines.add(String.format(Locale.ROOT, "- LMA registrations (%s journal, %d MAGs, offered %s, %d outstanding max):"
                        + " **%.0f accepted/s**, PBA latency ms **p50 %.2f p90 %.2f p99 %.2f max %.2f**; statuses %s,"
                        + " timeouts %d, retransmissions %d", journal, mags, rate > 0 ? String.format(Locale.ROOT, "%.0f/s", rate)
                        : "closed loop", concurrency, reg.acceptedPerSecond(), reg.percentileMillis(50), reg.percentileMillis(90),
                        reg.percentileMillis(99), reg.maxMillis(), reg.statuses(), reg.timeouts(), reg.retransmissions()));
                console.println(lines.get(lines.size() - 1));
                if (raw != null) {
                    double ratio = reg.acceptedPerSecond() / raw.perSecond();
                    boolean met = ratio >= TARGET_RATIO && reg.percentileMillis(99) < TARGET_P99_MILLIS && reg.timeouts() == 0;
                    lines.add(String.format(Locale.ROOT, "- ratio durable registrations / raw inserts: **%.2f** (target >= %.2f"
                            + " with p99 < %.0f ms): **%s**", ratio, TARGET_RATIO, TARGET_P99_MILLIS, met ? "met" : "NOT met"));
                }
                if (probeHeap) {
                    long heapAfter = HeapProbe.usedAfterGc(lma.pid());
                    double perBinding = (heapAfter - heapBefore) / (double) reg.accepted();
                    lines.add(String.format(Locale.ROOT, "- heap after GC (%s journal): %.1f MiB before, %.1f MiB with %d bindings:"
                            + " **%.0f B per binding** (target < %.0f B): **%s**", journal, heapBefore / 1048576.0,
                            heapAfter / 1048576.0, reg.accepted(), perBinding, TARGET_BYTES_PER_BINDING,
                            perBinding < TARGET_BYTES_PER_BINDING ? "met" : "NOT met"));
                }
                console.println(lines.get(lines.size() - 1));
            }
        } finally {
            lma.stop(Duration.ofSeconds(30));
            startedCassandra.ifPresent(c -> c.stop(io.pmip.persistence.cassandra.LocalCassandra.DEFAULT_STOP_TIMEOUT));
        }
        lines.add("- load average after: " + loadAverage());
        lines.add("");
        Path file = out != null ? out : home.resolve("ops").resolve("benchmarks").resolve("lma-" + journal + ".md");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
        console.println("results in " + file);
        return 0;
    }

    /** $PMIP_HOME (set by ops/bin/pmip), else the working directory. */
    static Path home() {
        String home = System.getenv("PMIP_HOME");
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home).toAbsolutePath();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
