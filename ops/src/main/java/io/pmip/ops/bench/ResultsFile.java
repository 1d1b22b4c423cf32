package io.pmip.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** A drill's section of a Markdown results file: the command that ran it, when, and on what. */
final class ResultsFile {
    private ResultsFile() {
    }

    /** The heading (the exact command line) and the run's time, cores and load average. */
    static List<String> header(CommandLine.Model.CommandSpec spec) {
        List<String> lines = new ArrayList<>();
        String command = "ops/bin/pmip " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        lines.add("## `" + command.trim() + "`");
        lines.add("");
        lines.add("- run at " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, load average before: " + BenchLmaCommand.loadAverage());
        return lines;
    }

    /** Appends the section to {@code out}, or to ops/benchmarks/{@code name} under {@code home}. */
    static Path append(Path out, Path home, String name, List<String> lines) throws IOException {
        Path file = out != null ? out : home.resolve("ops").resolve("benchmarks").resolve(name);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return file;
    }
}
