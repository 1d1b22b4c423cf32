package io.pmip.ops.bench;

import io.pmip.ops.cluster.JournalCassandra;
import io.pmip.ops.cluster.LmaLauncher;
import io.pmip.ops.load.LoadReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pmip bench failover}: the time from SIGKILL of one LMA node until every binding it hosted is
 * served again by the survivors, and that no binding of the cluster was lost. Appends a Markdown
 * section to the results file.
 */
@Command(name = "failover", mixinStandardHelpOptions = true,
        description = {"Failover drill: --nodes LMA processes on Cassandra share one UDP address (SO_REUSEPORT),",
            "--mns bindings are registered, node --victim is killed (SIGKILL), its bindings are refreshed in rounds",
            "until each is accepted again; then every binding is refreshed once more and must keep its prefix."})
final class BenchFailoverCommand implements Callable<Integer> {
    /** Target of the issue: every binding of the dead node served again within 10 s. */
    static final long TARGET_MILLIS = 10_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "3", description = "LMA processes (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--victim", defaultValue = "3",
            description = "Node killed, 1-based; 1 is the oldest and runs the shard coordinator (default: ${DEFAULT-VALUE}).")
    int victim;

    @Option(names = "--mns", defaultValue = "10000", description = "Bindings registered (default: ${DEFAULT-VALUE}).")
    int mobileNodes;

    @Option(names = "--mags", defaultValue = "20", description = "Emulated MAGs (default: ${DEFAULT-VALUE}).")
    int mags;

    @Option(names = "--register-rate", defaultValue = "200",
            description = "Registrations offered per second, in rounds until all are registered (default: ${DEFAULT-VALUE}).")
    double registerRate;

    @Option(names = "--probe-timeout", defaultValue = "1s",
            description = "A refresh without PBA within this is sent again in the next round (default: ${DEFAULT-VALUE}).")
    String probeTimeout;

    @Option(names = "--heap", defaultValue = "512m", description = "-Xmx of each LMA (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--lma-config", paramLabel = "HOCON",
            description = "Extra configuration lines for every LMA, e.g. 'pekko.persistence.max-concurrent-recoveries = 200'.")
    String lmaConfig = "";

    @Option(names = "--out", paramLabel = "FILE", description = "Results file, appended to (default: ops/benchmarks/failover.md under $PMIP_HOME).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        Path home = BenchLmaCommand.home();
        List<String> lines = ResultsFile.header(spec);
        Map<String, String> env = new HashMap<>(System.getenv());
        JournalCassandra cassandra = JournalCassandra.ensure(home, env, Duration.ofMinutes(3));
        Path dir = home.resolve("var").resolve("bench").resolve("failover");
        FailoverDrill.Settings settings = new FailoverDrill.Settings(nodes, victim, mags, Math.max(1, mobileNodes / mags),
                registerRate, Duration.parse("PT" + probeTimeout.toUpperCase(Locale.ROOT)), heap, dir,
                cassandra.contactPoints(), lmaConfig, "failover_" + Instant.now().getEpochSecond());
        FailoverDrill.Result result;
        LoadReport registered;
        try (FailoverDrill drill = new FailoverDrill(settings, s -> {
            console.println(s);
            console.flush();
        })) {
            drill.start(LmaLauncher.fromCurrentJvm(), Duration.ofMinutes(4));
            registered = drill.register(Duration.ofMinutes(20));
            result = drill.killAndRecover(Duration.ofMinutes(3));
        } finally {
            cassandra.startedHere().ifPresent(c -> c.stop(io.pmip.persistence.cassandra.LocalCassandra.DEFAULT_STOP_TIMEOUT));
        }
        lines.addAll(render(settings, registered, result));
        lines.add("- load average after: " + BenchLmaCommand.loadAverage());
        lines.add("");
        Path file = ResultsFile.append(out, home, "failover.md", lines);
        lines.forEach(console::println);
        console.println("results appended to " + file);
        return result.lost().isEmpty() && result.unrecovered() == 0 ? 0 : 1;
    }

    static List<String> render(FailoverDrill.Settings s, LoadReport registered, FailoverDrill.Result r) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "- %d LMA processes (-Xmx%s, Cassandra journal), %d bindings from %d MAGs over UDP;"
                + " first registration round: %s", s.nodes(), s.heap(), r.bindings(), s.mags(), registered.render()));
        lines.add(String.format(Locale.ROOT, "- node-%d killed (SIGKILL) hosting %d bindings; each refreshed once per %s"
                + " until accepted: %d rounds", s.victim(), r.victimBindings(), s.probeTimeout(), r.probeRounds()));
        lines.add(String.format(Locale.ROOT, "- kill -> binding served again, ms: first %d, p50 %d, p90 %d, p99 %d,"
                + " **all %d** (target < %d): **%s**; not served within the drill: %d",
                r.victimRecoveryMillis().length == 0 ? 0 : r.victimRecoveryMillis()[0], r.percentileMillis(50),
                r.percentileMillis(90), r.percentileMillis(99), r.allServedMillis(), TARGET_MILLIS,
                r.unrecovered() == 0 && r.allServedMillis() < TARGET_MILLIS ? "met" : "NOT met", r.unrecovered()));
        lines.add("- served again by (seconds after the kill): " + servedBy(r));
        lines.add(String.format(Locale.ROOT, "- zero bindings lost: **%s** (every one of %d refreshed after the failover"
                + " and accepted with its prefix; last verification round: %s)",
                r.lost().isEmpty() ? "yes" : "NO, " + r.lost().size() + " lost, e.g. " + r.lost().get(0),
                r.bindings(), r.verification().render()));
        codeBlock(lines, "a survivor's /api/cluster after the kill (Binding shards and entities summed over the nodes)",
                r.sharding());
        codeBlock(lines, "survivors' log about the victim (offset from the kill)", r.timeline());
        return lines;
    }

    /** Share of the victim's bindings served again by each 5 s step, and by the target. */
    static String servedBy(FailoverDrill.Result r) {
        if (r.victimBindings() == 0) {
            return "no bindings on the victim";
        }
        java.util.SortedSet<Long> steps = new java.util.TreeSet<>(List.of(TARGET_MILLIS));
        for (long t = 5_000; t < r.allServedMillis() + 5_000; t += 5_000) {
            steps.add(t);
        }
        List<String> parts = new ArrayList<>();
        for (long step : steps) {
            int served = r.servedWithin(step);
            parts.add(String.format(Locale.ROOT, "%s%d s %d (%.0f %%)%s", step == TARGET_MILLIS ? "**" : "", step / 1000,
                    served, 100.0 * served / r.victimBindings(), step == TARGET_MILLIS ? "**" : ""));
        }
        return String.join(", ", parts);
    }

    /** A list item {@code title} with {@code body} as a code block under it; nothing when the body is empty. */
    private static void codeBlock(List<String> lines, String title, List<String> body) {
        if (body.isEmpty()) {
            return;
        }
        lines.add("- " + title + ":");
        lines.add("");
        lines.add("  ```");
        body.forEach(t -> lines.add("  " + t));
        lines.add("  ```");
    }
}
