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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pmip bench overload}: the sustainable registration rate of one LMA process, then twice that
 * rate offered open loop for {@code --surge} seconds while existing bindings keep refreshing, then
 * the sustainable load again. Appends a Markdown section to the results file.
 */
@Command(name = "overload", mixinStandardHelpOptions = true,
        description = {"Overload drill of one LMA process (started here): sustainable registration rate (closed loop),",
            "then --factor times that rate open loop for --surge seconds (with refreshes of existing bindings alongside),",
            "then the sustainable load again. Reports admitted rate, latency of accepted PBAs, refusals (130), timeouts."})
final class BenchOverloadCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--journal", defaultValue = "cassandra", paramLabel = "cassandra|inmem")
    String journal;

    @Option(names = "--baseline-mns", defaultValue = "3000",
            description = "Registrations of the closed-loop baseline, before and after the surge (default: ${DEFAULT-VALUE}).")
    int baselineMobileNodes;

    @Option(names = "--warmup-mns", defaultValue = "1000",
            description = "Registrations before the baseline, closed loop, not counted: a cold node (prefix pool shards"
                    + " and journal sessions not yet started) would understate the sustainable rate (default: ${DEFAULT-VALUE}).")
    int warmupMobileNodes;

    @Option(names = "--concurrency", defaultValue = "32",
            description = "Outstanding PBUs of the closed-loop baseline (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--factor", defaultValue = "2", description = "Surge rate over the sustainable rate (default: ${DEFAULT-VALUE}).")
    double factor;

    @Option(names = "--surge", defaultValue = "30", description = "Seconds of surge (default: ${DEFAULT-VALUE}).")
    int surgeSeconds;

    @Option(names = "--mags", defaultValue = "20", description = "Emulated MAGs (default: ${DEFAULT-VALUE}).")
    int mags;

    @Option(names = "--heap", defaultValue = "1g", description = "-Xmx of the LMA process (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--lma-config", paramLabel = "HOCON",
            description = "Extra configuration lines for the LMA, e.g. 'pmip.lma.node.max-new-registrations-in-flight = 64'.")
    String lmaConfig = "";

    @Option(names = "--out", paramLabel = "FILE", description = "Results file, appended to (default: ops/benchmarks/overload.md under $PMIP_HOME).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        Path home = BenchLmaCommand.home();
        List<String> lines = ResultsFile.header(spec);
        Map<String, String> env = new HashMap<>(System.getenv());
        Optional<io.pmip.persistence.cassandra.LocalCassandra> startedCassandra = Optional.empty();
        if (journal.equals("cassandra")) {
            JournalCassandra cassandra = JournalCassandra.ensure(home, env, Duration.ofMinutes(3));
            startedCassandra = cassandra.startedHere();
            env.put("PMIP_CASSANDRA_CONTACT_POINTS", cassandra.contactPoints());
        }
        Path dir = home.resolve("var").resolve("bench").resolve("overload");
        Files.createDirectories(dir);
        Path conf = dir.resolve("overload.conf");
        Files.writeString(conf, """
                pmip.lma.timestamp-validity-window = 30s
                pmip.lma.prefix-pools.default.shards-per-aggregate = 16
                pekko.loglevel = WARNING
                """ + lmaConfig + "\n");
        String token = UUID.randomUUID().toString();
        int adminPort = LocalPorts.freeTcpPort();
        env.put("PMIP_HOME", home.toString());
        env.put("PMIP_JOURNAL", journal);
        env.put("PMIP_CLUSTER_PORT", String.valueOf(LocalPorts.freeTcpPort()));
        env.put("PMIP_SEED_NODES", "");
        env.put("PMIP_LMA_UDP_PORT", String.valueOf(LocalPorts.freeUdpPort()));
        env.put("PMIP_LMA_MH_ENABLED", "false");
        env.put("PMIP_ADMIN_PORT", String.valueOf(adminPort));
        env.put("PMIP_ADMIN_TOKEN", token);
        LmaProcess lma = LmaProcess.launch(LmaLauncher.fromCurrentJvm().withJvmOptions(List.of("-Xmx" + heap)), dir,
                env, List.of("--journal", journal, "--config", conf.toString()));
        boolean alive;
        try {
            UpLine up = lma.awaitUp(Duration.ofMinutes(4));
            // A trickle first, so the node's first seconds (journal connections, pool shard recovery) are not a surge.
            try (LoadClient warm = LoadClient.open(LoadProfile.udp(up.udp().getAddress(), up.udp().getPort(), 1, 64, 16)
                    .withMaxInFlight(4).withRetransmission(Duration.ofSeconds(5), 5).withTag("overload-warm"))) {
                lines.add("- warm-up (not counted): " + warm.run(LoadPhase.REGISTER, Duration.ofMinutes(5)).render());
                console.println(lines.get(lines.size() - 1));
            }
            if (warmupMobileNodes > 0) {
                LoadProfile warmLoop = LoadProfile.udp(up.udp().getAddress(), up.udp().getPort(), mags,
                        Math.max(1, warmupMobileNodes / mags), 0).withMaxInFlight(concurrency).withTag("overload-warm-loop");
                try (LoadClient warm = LoadClient.open(warmLoop)) {
                    lines.add("- warm-up, closed loop (not counted): " + warm.run(LoadPhase.REGISTER, Duration.ofMinutes(10)).render());
                    console.println(lines.get(lines.size() - 1));
                }
            }
            LoadProfile closed = LoadProfile.udp(up.udp().getAddress(), up.udp().getPort(), mags,
                    Math.max(1, baselineMobileNodes / mags), 0).withMaxInFlight(concurrency);
            try (LoadClient before = LoadClient.open(closed.withTag("before"))) {
                LoadReport sustainable = before.run(LoadPhase.REGISTER, Duration.ofMinutes(20));
                lines.add("- sustainable (closed loop, " + concurrency + " outstanding): " + sustainable.render());
                console.println(lines.get(lines.size() - 1));
                console.flush();
                double rate = sustainable.acceptedPerSecond() * factor;
                int surgeNodes = (int) Math.ceil(rate * surgeSeconds);
                int perMag = Math.max(1, surgeNodes / mags);
                // Open loop, as MAGs do: nothing waits for an answer before sending the next PBU.
                LoadProfile open = LoadProfile.udp(up.udp().getAddress(), up.udp().getPort(), mags, perMag, rate)
                        .withMaxInFlight(mags * perMag).withTag("surge");
                // Existing bindings keep refreshing during the surge, at a quarter of the sustainable rate.
                CompletableFuture<LoadReport> refreshes;
                LoadReport surge;
                try (LoadClient surging = LoadClient.open(open)) {
                    double refreshRate = sustainable.acceptedPerSecond() / 4;
                    int refreshed = (int) Math.min(before.profile().mobileNodes(), Math.ceil(refreshRate * surgeSeconds));
                    refreshes = CompletableFuture.supplyAsync(() -> refresh(before, refreshRate, refreshed));
                    surge = surging.run(LoadPhase.REGISTER, Duration.ofMinutes(20));
                }
                LoadReport refreshed = refreshes.get();
                lines.add(String.format(Locale.ROOT, "- surge: %d registrations offered at %.0f/s (%.1fx) for %d s: admitted"
                        + " and accepted **%.0f/s**; accepted-PBA latency ms **p50 %.1f p90 %.1f p99 %.1f**; refused 130: **%d**;"
                        + " no PBA after 4 transmissions: %d", surgeNodes, rate, factor, surgeSeconds,
                        surge.acceptedPerSecond(), surge.acceptedPercentileMillis(50), surge.acceptedPercentileMillis(90),
                        surge.acceptedPercentileMillis(99), surge.statuses().getOrDefault(130, 0L), surge.timeouts()));
                lines.add("  - surge, all PBAs: " + surge.render());
                lines.add("  - refreshes of existing bindings during the surge: " + refreshed.render());
                console.println(String.join("\n", lines.subList(lines.size() - 3, lines.size())));
                console.flush();
            }
            try (LoadClient after = LoadClient.open(closed.withTag("after"))) {
                LoadReport recovered = after.run(LoadPhase.REGISTER, Duration.ofMinutes(20));
                lines.add("- after the surge (closed loop, " + concurrency + " outstanding): " + recovered.render());
                console.println(lines.get(lines.size() - 1));
            }
            lines.add("- LMA counters: " + overloadCounters(adminPort, token));
            alive = lma.isAlive();
            lines.add("- LMA process alive after the drill: **" + alive + "**");
        } finally {
            lma.stop(Duration.ofSeconds(30));
            startedCassandra.ifPresent(c -> c.stop(io.pmip.persistence.cassandra.LocalCassandra.DEFAULT_STOP_TIMEOUT));
        }
        lines.add("- load average after: " + BenchLmaCommand.loadAverage());
        lines.add("");
        Path file = ResultsFile.append(out, home, "overload.md", lines);
        console.println("results appended to " + file);
        return alive ? 0 : 1;
    }

    /** Refreshes the first {@code count} mobile nodes at {@code rate}: as long as the surge lasts. */
    private static LoadReport refresh(LoadClient client, double rate, int count) {
        try {
            return client.run(LoadPhase.REFRESH, new java.net.InetSocketAddress(client.profile().lma(),
                    client.profile().lmaPort()), Duration.ofMinutes(20), i -> i < count && !client.prefixes(i).isEmpty(),
                    rate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The LMA's received, rejected, dropped and timeout counters, from its Prometheus endpoint. */
    private static String overloadCounters(int adminPort, String token) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + adminPort + "/metrics")).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return r.body().lines().filter(l -> !l.startsWith("#"))
                    .filter(l -> l.contains("rejected") || l.contains("dropped") || l.contains("entity_timeout")
                            || l.startsWith("pmip_received"))
                    .map(l -> "`" + l + "`").reduce((a, b) -> a + ", " + b).orElse("(none)");
        } catch (java.io.IOException | InterruptedException e) {
            return "(metrics unavailable: " + e.getMessage() + ")";
        }
    }
}
