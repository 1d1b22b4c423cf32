package io.pmip.ops.bench;

import picocli.CommandLine.Command;

/** {@code pmip bench}: the project's microbenchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run microbenchmarks.",
        subcommands = {CodecBenchCommand.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
