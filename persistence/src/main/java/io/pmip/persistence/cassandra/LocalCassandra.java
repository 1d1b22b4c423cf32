package io.pmip.persistence.cassandra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Cassandra 5.0 node run as its own JVM from the cassandra-all artifacts, for
 * development and integration tests: {@link #start} returns once CQL answers, {@link #stop} sends
 * SIGTERM to the recorded pid (Cassandra drains on it) and waits. A node already answering on the
 * port is reused, not started twice.
 *
 * <p>Integration tests of any module: {@code LocalCassandra.forTests(tempDir)} then
 * {@code start(...)} in {@code @BeforeAll} and {@code close()} in {@code @AfterAll}.
 */
public final class LocalCassandra implements AutoCloseable {
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
    private static final long POLL_MILLIS = 250;

    private final LocalCassandraSettings settings;
    private volatile boolean startedHere;

    public LocalCassandra(LocalCassandraSettings settings) {
        this.settings = settings;
    }

    /**
     * A node for one test class in {@code dataDir} on free ports; its classpath is cached in
     * {@code target/cassandra-runtime.classpath} of the working directory (the module under test),
     * so only the first test class of a build resolves it.
     */
    public static LocalCassandra forTests(Path dataDir) {
        Path cache = Path.of("target", RuntimeClasspath.CACHE_FILE_NAME);
        return new LocalCassandra(LocalCassandraSettings.forTests(dataDir, cache));
    }

    public LocalCassandraSettings settings() {
        return settings;
    }

    /** host:port to give the driver. */
    public InetSocketAddress contactPoint() {
        return settings.contactPoint();
    }

    /** {@code host:port} form of {@link #contactPoint()}, as the driver configuration wants it. */
    public String contactPointString() {
        return settings.listenAddress() + ":" + settings.nativePort();
    }

    /** Starts the node unless one already answers on the port; returns once CQL answers. */
    public CassandraStatus start(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        CassandraStatus current = status();
        if (current.state() == CassandraStatus.State.RUNNING) {
            return current;
        }
        if (current.state() == CassandraStatus.State.STARTING) {
            return awaitCql(ProcessHandle.of(current.pid().getAsLong()).orElseThrow(), deadline);
        }
        ProcessHandle process = launch();
        startedHere = true;
        return awaitCql(process, deadline);
    }

    /** The state of the node of this data directory and port; never starts or stops anything. */
    public CassandraStatus status() {
        Optional<ProcessHandle> process = recordedProcess();
        OptionalLong pid = process.map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
        if (CqlProbe.answers(settings.contactPoint(), PROBE_TIMEOUT)) {
            return new CassandraStatus(CassandraStatus.State.RUNNING, pid, settings.nativePort(), settings.dataDir());
        }
        CassandraStatus.State state = process.isPresent() ? CassandraStatus.State.STARTING : CassandraStatus.State.STOPPED;
        return new CassandraStatus(state, pid, settings.nativePort(), settings.dataDir());
    }

    /**
     * Stops the node recorded in this data directory: SIGTERM, which makes Cassandra drain its
     * memtables and commitlog, then SIGKILL if it has not exited within {@code timeout}.
     *
     * @return whether there was a live node to stop
     */
    public boolean stop(Duration timeout) {
        Optional<ProcessHandle> recorded = recordedProcess();
        if (recorded.isEmpty()) {
            deletePidFile();
            return false;
        }
        ProcessHandle process = recorded.get();
        process.destroy();
        if (!awaitExit(process, timeout)) {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(10));
        }
        deletePidFile();
        return true;
    }

    /** Stops the node only if this instance started it, so a reused developer node survives tests. */
    @Override
    public void close() {
        if (startedHere) {
            stop(DEFAULT_STOP_TIMEOUT);
            startedHere = false;
        }
    }

    private ProcessHandle launch() {
        try {
            for (String dir : List.of("data", "commitlog", "saved_caches", "hints", "cdc_raw", "logs", "conf")) {
                Files.createDirectories(settings.dataDir().resolve(dir));
            }
            List<Path> classpath = RuntimeClasspath.resolve(settings.classpathCache(),
                    settings.dataDir().resolve("cassandra-runtime"));
            Path yaml = settings.confDir().resolve("cassandra.yaml");
            Files.writeString(yaml, CassandraYaml.render(settings));
            Path logback = settings.confDir().resolve("logback.xml");
            copyResource("logback-cassandra.xml", logback);
            List<String> command = CassandraJvmOptions.command(java(), settings, classpath, yaml, logback);
            Path stdout = settings.logDir().resolve("stdout.log");
            Process process = new ProcessBuilder(command)
                    .directory(settings.dataDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            Files.writeString(settings.pidFile(), Long.toString(process.pid()));
            return process.toHandle();
        } catch (IOException e) {
            throw new LocalCassandraException("cannot launch Cassandra in " + settings.dataDir() + ": " + e.getMessage(), e);
        }
    }

    private CassandraStatus awaitCql(ProcessHandle process, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            if (CqlProbe.answers(settings.contactPoint(), PROBE_TIMEOUT)) {
                return new CassandraStatus(CassandraStatus.State.RUNNING, OptionalLong.of(process.pid()),
                        settings.nativePort(), settings.dataDir());
            }
            if (!process.isAlive()) {
                deletePidFile();
                throw new LocalCassandraException("Cassandra exited during startup; see "
                        + settings.logDir().resolve("system.log") + " and "
                        + settings.logDir().resolve("stdout.log") + lastLines());
            }
            sleep(POLL_MILLIS);
        }
        stop(Duration.ofSeconds(30));
        throw new LocalCassandraException("Cassandra did not answer CQL on " + settings.contactPoint()
                + " in time; stopped it. See " + settings.logDir().resolve("system.log") + lastLines());
    }

    /** The recorded pid, if it is alive and is the Cassandra of this data directory (not a reused pid). */
    private Optional<ProcessHandle> recordedProcess() {
        Path pidFile = settings.pidFile();
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        String configArg = "-Dcassandra.config=" + settings.confDir().resolve("cassandra.yaml").toUri();
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments()
                        .map(args -> List.of(args).contains(configArg))
                        .orElse(true));
    }

    private String lastLines() {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("stdout.log", "system.log")) {
            Path file = settings.logDir().resolve(name);
            try {
                if (Files.isRegularFile(file)) {
                    List<String> lines = Files.readAllLines(file);
                    List<String> tail = lines.subList(Math.max(0, lines.size() - 15), lines.size());
                    out.append(System.lineSeparator()).append("--- last lines of ").append(name).append(':');
                    tail.forEach(l -> out.append(System.lineSeparator()).append(l));
                }
            } catch (IOException | UncheckedIOException e) {
                out.append(System.lineSeparator()).append("(cannot read ").append(file).append(')');
            }
        }
        return out.toString();
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(settings.pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Cassandra 5.0 runs on Java 11 or 17 only: the JVM running this code when it is one of
     * those, else {@code $PMIP_CASSANDRA_JAVA_HOME}.
     */
    private static Path java() {
        String override = System.getenv("PMIP_CASSANDRA_JAVA_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override, "bin", "java");
        }
        int feature = Runtime.version().feature();
        if (feature != 11 && feature != 17) {
            throw new LocalCassandraException("Cassandra 5.0 needs Java 11 or 17 but this is Java " + feature
                    + "; set PMIP_CASSANDRA_JAVA_HOME to a Java 17 installation");
        }
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = LocalCassandra.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " missing");
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalCassandraException("interrupted while waiting for Cassandra", e);
        }
    }
}
