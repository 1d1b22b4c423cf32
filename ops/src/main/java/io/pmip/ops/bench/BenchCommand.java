package io.pmip.ops.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pmip bench}: the codec microbenchmarks and the LMA load and benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Codec microbenchmarks, LMA load generation and benchmarks.",
        subcommands = {CodecBenchCommand.class, BenchLmaCommand.class, LoadCommand.class, BenchFailoverCommand.class,
            BenchOverloadCommand.class, BulkBenchCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
