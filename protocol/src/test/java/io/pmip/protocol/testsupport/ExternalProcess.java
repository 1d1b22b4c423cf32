package io.pmip.protocol.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a tool with a bounded wait; output goes through temp files so no pipe can fill up. */
final class ExternalProcess {
    static final long TIMEOUT_SECONDS = 60;

    record Result(int exitCode, String stdout, String stderr) {
    }

    private ExternalProcess() {
    }

    static Result run(List<String> command, String stdin) throws IOException {
        Path out = Files.createTempFile("pmip-proc", ".out");
        Path err = Files.createTempFile("pmip-proc", ".err");
        Path in = Files.createTempFile("pmip-proc", ".in");
        try {
            Files.writeString(in, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(command)
                    .redirectInput(in.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            try {
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for " + command.get(0), e);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(in);
        }
    }

    /** Whether {@code command} can be started and exits 0, for assumptions in tests. */
    static boolean works(List<String> command) {
        try {
            return run(command, null).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
