package io.pmip.ops.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pmip bench}: load and benchmarks of the LMA. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load generation and benchmarks of the LMA.",
        subcommands = {BenchLmaCommand.class, LoadCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
