package io.pmip.ops.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One {@code pmip lma} child process: output in {@code dir/lma.log}, pid in {@code dir/pid}.
 * It outlives the JVM that launched it; {@link #attach} finds it again from its directory.
 */
public final class LmaProcess {
    public static final String LOG_FILE = "lma.log";
    public static final String PID_FILE = "pid";

    private final Path dir;
    private final ProcessHandle handle;

    private LmaProcess(Path dir, ProcessHandle handle) {
        this.dir = dir;
        this.handle = handle;
    }

    /**
     * Starts the process with {@code env} added to this environment and PMIP_SKIP_BUILD=1.
     *
     * @throws IOException when it cannot be started or {@code dir} not written
     */
    public static LmaProcess launch(LmaLauncher launcher, Path dir, Map<String, String> env, List<String> lmaArgs)
            throws IOException {
        Files.createDirectories(dir);
        Path log = dir.resolve(LOG_FILE);
        ProcessBuilder builder = new ProcessBuilder(launcher.command(lmaArgs))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        builder.environment().put("PMIP_SKIP_BUILD", "1");
        Process process = builder.start();
        Files.writeString(dir.resolve(PID_FILE), process.pid() + "\n");
        return new LmaProcess(dir, process.toHandle());
    }

    /** The live process recorded in {@code dir}, if any. */
    public static Optional<LmaProcess> attach(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(PID_FILE)).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> new LmaProcess(dir, h));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    public Path dir() {
        return dir;
    }

    /** The up line in the log so far, if printed. */
    public Optional<UpLine> upLine() {
        return upLine(dir);
    }

    static Optional<UpLine> upLine(Path dir) {
        try (var lines = Files.lines(dir.resolve(LOG_FILE), StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.startsWith(UpLine.PREFIX)).reduce((a, b) -> b).flatMap(UpLine::parse);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * Waits for the up line.
     *
     * @throws IllegalStateException when the process exits first or the timeout passes, with the
     *                               end of its log
     */
    public UpLine awaitUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<UpLine> up = upLine();
            if (up.isPresent()) {
                return up.get();
            }
            if (!handle.isAlive()) {
                throw new IllegalStateException("lma process " + pid() + " exited before it was up:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("lma process " + pid() + " not up within " + timeout + ":\n" + logTail());
            }
            Thread.sleep(100);
        }
    }

    /** The last lines of the log, for error messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(LOG_FILE), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: the node gets no chance to leave the cluster or flush anything. */
    public void kill() {
        handle.destroyForcibly();
        await(Duration.ofSeconds(10));
        deletePidFile();
    }

    /**
     * SIGTERM (coordinated shutdown), then SIGKILL when still alive after {@code timeout}.
     *
     * @return true when it stopped on SIGTERM
     */
    public boolean stop(Duration timeout) {
        handle.destroy();
        boolean clean = await(timeout);
        if (!clean) {
            handle.destroyForcibly();
            await(Duration.ofSeconds(10));
        }
        deletePidFile();
        return clean;
    }

    private boolean await(Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !handle.isAlive();
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(dir.resolve(PID_FILE));
        } catch (IOException e) {
            // a stale pid file is ignored by attach (no live process)
        }
    }
}
