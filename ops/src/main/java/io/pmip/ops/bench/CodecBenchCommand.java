package io.pmip.ops.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pmip bench codec}: runs {@link CodecBenchmark} with JMH in one forked JVM, single
 * threaded, and prints the machine it ran on and the median throughput of every benchmark. The
 * defaults take about 2.5 minutes.
 */
@Command(name = "codec", mixinStandardHelpOptions = true,
        description = "JMH benchmark of PBU/PBA encode, decode and round trip (single thread).")
public final class CodecBenchCommand implements Callable<Integer> {
    /** The target of the issue: decode+encode round trips of a typical PBU per second on one core. */
    static final double TARGET_ROUND_TRIPS_PER_SECOND = 1_000_000;

    @Option(names = "--warmup-iterations", defaultValue = "3", description = "Warm-up iterations (default ${DEFAULT-VALUE}).")
    int warmupIterations;

    @Option(names = "--warmup-time", defaultValue = "2", description = "Seconds per warm-up iteration (default ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--iterations", defaultValue = "5", description = "Measurement iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--time", defaultValue = "3", description = "Seconds per measurement iteration (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--forks", defaultValue = "1", description = "Forked JVMs (default ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--include", defaultValue = ".*", description = "Regex of benchmark methods to run (default all).")
    String include;

    @Option(names = "--profiler", description = "JMH profiler to add, repeatable, name[:options]: gc (allocation per operation), stack, jfr:dir=DIR, ...")
    List<String> profilers = new ArrayList<>();

    @Override
    public Integer call() throws RunnerException, IOException {
        PrintStream out = System.out;
        out.println("# pmip bench codec  " + String.join(" ", describeOptions()));
        out.println("# date: " + Instant.now());
        out.println("# nproc: " + Runtime.getRuntime().availableProcessors());
        out.println("# cpu: " + cpuModel());
        out.println("# jdk: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        out.println("# load average at start: " + loadAverage());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(CodecBenchmark.class.getName() + "\\." + include)
                .forks(forks)
                .threads(1)
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.seconds(warmupSeconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .timeUnit(TimeUnit.SECONDS);
        for (String profiler : profilers) {
            // JMH's own syntax: name[:options], e.g. jfr:dir=/tmp/jfr
            int colon = profiler.indexOf(':');
            if (colon < 0) {
                options.addProfiler(profiler);
            } else {
                options.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
            }
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        out.println();
        out.println("# load average at end: " + loadAverage());
        out.println("# median of the measurement iterations, ops/s:");
        double roundTrip = Double.NaN;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            double median = median(r);
            out.printf("%-14s %,15.0f ops/s  (mean %,.0f ± %,.0f)%n", name, median,
                    r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError());
            if (name.equals("roundTripPbu")) {
                roundTrip = median;
            }
        }
        if (!Double.isNaN(roundTrip)) {
            out.printf("# target >= %,.0f PBU round trips/s on one core: %s%n", TARGET_ROUND_TRIPS_PER_SECOND,
                    roundTrip >= TARGET_ROUND_TRIPS_PER_SECOND ? "MET" : "MISSED");
        }
        return 0;
    }

    private List<String> describeOptions() {
        List<String> args = new ArrayList<>(List.of("--warmup-iterations", Integer.toString(warmupIterations),
                "--warmup-time", Integer.toString(warmupSeconds), "--iterations", Integer.toString(iterations),
                "--time", Integer.toString(seconds), "--forks", Integer.toString(forks), "--include", include));
        for (String profiler : profilers) {
            args.add("--profiler");
            args.add(profiler);
        }
        return args;
    }

    /** Median over every measurement iteration of every fork. */
    static double median(RunResult run) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult b : run.getBenchmarkResults()) {
            for (IterationResult i : b.getIterationResults()) {
                scores.add(i.getPrimaryResult().getScore());
            }
        }
        scores.sort(Double::compare);
        int n = scores.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
