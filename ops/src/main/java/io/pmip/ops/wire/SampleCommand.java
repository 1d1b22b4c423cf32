package io.pmip.ops.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pmip wire sample}: regenerates the bundled sample captures (ops/samples/README.md). */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description = "Write the sample PMIPv6 signaling capture (and optionally the malformed one); the output is reproducible byte for byte.")
final class SampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the clean exchange (every message decodes)")
    Path out;

    @Option(names = "--malformed-out", paramLabel = "FILE", description = "a capture with a corrupted message and a truncated frame")
    Path malformedOut;

    @Override
    public Integer call() {
        try {
            write(SampleExchange.signaling(), out);
            if (malformedOut != null) {
                write(SampleExchange.malformed(), malformedOut);
            }
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("pmip wire sample: " + e);
            return 2;
        }
    }

    private void write(List<SampleExchange.Frame> frames, Path file) throws IOException {
        try (OutputStream o = Files.newOutputStream(file)) {
            SampleExchange.write(frames, o);
        }
        spec.commandLine().getErr().println("pmip wire sample: " + frames.size() + " frames written to " + file);
    }
}
