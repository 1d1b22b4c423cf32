package io.pmip.ops.wire;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pmip wire}: Mobility Header messages between wire bytes and JSON lines. */
@Command(
        name = "wire",
        mixinStandardHelpOptions = true,
        description = "Decode Mobility Header signaling (pcap or hex) to JSON lines, and encode JSON lines back to bytes.",
        subcommands = {DecodeCommand.class, EncodeCommand.class, SampleCommand.class})
public final class WireCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
