package io.pmip.ops;

import io.pmip.lma.history.BindingHistory;
import io.pmip.lma.history.HistoryJson;
import io.pmip.lma.history.InvariantReport;
import io.pmip.lma.history.ReplaySystem;
import io.pmip.ops.replay.HistoryText;
import io.pmip.ops.replay.ThrottledProgress;
import io.pmip.persistence.PersistenceConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code pmip replay}: the binding journal read back. One mobile node's timeline or its state at an
 * instant, one MAG's events in a time range, or the whole journal checked against the invariants.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Read the LMA's binding journal back from Cassandra.",
            "  --mn ID [--at TIME]      a mobile node's events, or its binding state at TIME",
            "  --mag ADDR [--from/--to] every event that involved a MAG (default: the last 24 h; reads every binding's events)",
            "  --all --check            replay every binding and verify the invariants (exit 1 on a violation)",
            "TIME is an ISO-8601 instant (2026-11-23T10:32:00Z or with an offset). Cassandra as for `pmip lma`:",
            "--config FILE, PMIP_CASSANDRA_CONTACT_POINTS, or --contact-point."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done, no violation", "1:--check found violations", "2:bad arguments",
            "3:the journal could not be read (Cassandra down, timeout)"})
final class ReplayCommand implements Callable<Integer> {
    static final int VIOLATIONS = 1;
    static final int READ_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--mn", paramLabel = "ID", description = "A mobile node identifier (MN-Identifier).")
        String mnId;

        @Option(names = "--mag", paramLabel = "ADDR", description = "A MAG's Proxy-CoA.")
        String mag;

        @Option(names = "--all", description = "Every binding in the journal (with --check).")
        boolean all;
    }

    @Option(names = "--at", paramLabel = "TIME", description = "With --mn: the binding state at this instant.")
    String at;

    @Option(names = "--from", paramLabel = "TIME", description = "With --mag: start of the range (default: --to minus 24 h).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "With --mag: end of the range (default: now).")
    String to;

    @Option(names = "--check", description = "With --all: verify the invariants and report every violation.")
    boolean check;

    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    @Option(names = "--config", paramLabel = "FILE", description = "The LMA's configuration file (Cassandra settings).")
    Path config;

    @Option(names = "--contact-point", paramLabel = "HOST:PORT",
            description = "A Cassandra node; repeatable (default: PMIP_CASSANDRA_CONTACT_POINTS, the file, 127.0.0.1:9042).")
    List<String> contactPoints;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--progress-every", paramLabel = "N", defaultValue = "1000",
            description = "With --all: a progress line on stderr every N persistence ids or 10 s (default: ${DEFAULT-VALUE}).")
    long progressEvery;

    @Override
    public Integer call() {
        validate();
        Map<String, String> env = new HashMap<>(System.getenv());
        if (contactPoints != null) {
            env.put(PersistenceConfig.CONTACT_POINTS_ENV, String.join(",", contactPoints));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ReplaySystem replay = ReplaySystem.start(ReplaySystem.config(Optional.ofNullable(config), env))) {
            BindingHistory history = replay.history();
            int exit = 0;
            if (target.mnId != null && at != null) {
                Instant instant = instant("--at", at);
                var state = await(history.stateAt(target.mnId, instant));
                out.print(json ? HistoryJson.state(target.mnId, instant, state) : HistoryText.state(target.mnId, instant, state));
            } else if (target.mnId != null) {
                var timeline = await(history.timeline(target.mnId));
                out.print(json ? HistoryJson.timeline(target.mnId, timeline) : HistoryText.timeline(target.mnId, timeline));
            } else if (target.mag != null) {
                Instant end = to == null ? Instant.now() : instant("--to", to);
                Instant start = from == null ? end.minus(Duration.ofHours(24)) : instant("--from", from);
                var events = await(history.eventsForMag(target.mag, start, end));
                out.print(json ? HistoryJson.magEvents(target.mag, start, end, events)
                        : HistoryText.magEvents(target.mag, start, end, events));
            } else {
                InvariantReport report = await(history.checkAll(
                        new ThrottledProgress(err, progressEvery, Duration.ofSeconds(10))));
                out.print(json ? HistoryJson.report(report) : HistoryText.report(report));
                exit = report.ok() ? 0 : VIOLATIONS;
            }
            out.flush();
            return exit;
        } catch (ReadFailed e) {
            err.println("pmip replay: " + e.getMessage());
            err.flush();
            return READ_FAILED;
        } catch (IllegalArgumentException | com.typesafe.config.ConfigException e) {
            // a missing or malformed --config file
            err.println("pmip replay: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private void validate() {
        if (target.all && !check) {
            throw new ParameterException(spec.commandLine(), "--all replays the whole journal only to --check it");
        }
        if (check && !target.all) {
            throw new ParameterException(spec.commandLine(), "--check goes with --all");
        }
        if (at != null && target.mnId == null) {
            throw new ParameterException(spec.commandLine(), "--at goes with --mn");
        }
        if ((from != null || to != null) && target.mag == null) {
            throw new ParameterException(spec.commandLine(), "--from/--to go with --mag");
        }
        if (timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be positive");
        }
        if (at != null) {
            instant("--at", at);
        }
        if (target.mag != null) {
            Instant end = to == null ? Instant.now() : instant("--to", to);
            if (from != null && instant("--from", from).isAfter(end)) {
                throw new ParameterException(spec.commandLine(), "--from is after --to");
            }
        }
    }

    /** An ISO-8601 instant, "Z" or with an offset. */
    private Instant instant(String option, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(),
                    option + ": not an ISO-8601 instant (e.g. 2026-11-23T10:32:00Z): '" + text + "'");
        }
    }

    private <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ReadFailed("no answer from the journal within " + timeoutSeconds + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ReadFailed("cannot read the journal: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadFailed("interrupted");
        }
    }

    /** The journal could not be read: reported on stderr with exit code 3, never as a stack trace. */
    private static final class ReadFailed extends RuntimeException {
        ReadFailed(String message) {
            super(message);
        }
    }
}
