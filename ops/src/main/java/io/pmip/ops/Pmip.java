package io.pmip.ops;

import io.pmip.ops.bench.BenchCommand;
import io.pmip.ops.cluster.ClusterCommand;
import io.pmip.ops.demo.DemoCommand;
import io.pmip.ops.sim.SimCommand;
import io.pmip.ops.wire.WireCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The single entry point of every operator tool: {@code pmip <subcommand>}. */
@Command(
        name = "pmip",
        mixinStandardHelpOptions = true,
        version = "pmip 0.1.0",
        description = "Clustered Proxy Mobile IPv6 mobility anchor: operator tools.",
        subcommands = {
            CommandLine.HelpCommand.class,
            CassandraCommand.class,
            SchemaCommand.class,
            WireCommand.class,
            BenchCommand.class,
            LmaCommand.class,
            ReplayCommand.class,
            ClusterCommand.class,
            DemoCommand.class,
            SimCommand.class,
        })
public final class Pmip implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; subcommands register in the annotation above. */
    public static CommandLine commandLine() {
        return new CommandLine(new Pmip()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
