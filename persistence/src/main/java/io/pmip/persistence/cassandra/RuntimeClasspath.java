package io.pmip.persistence.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The runtime classpath of the Cassandra server, resolved by Maven from the cassandra-all
 * artifact of Maven Central (no tarball, no Docker) and cached in a file so that only the first
 * start of a data directory pays for the resolution.
 */
final class RuntimeClasspath {
    /** The server version the local node runs; the journal was tested against this one. */
    static final String CASSANDRA_VERSION = "5.0.6";
    static final String CACHE_FILE_NAME = "cassandra-" + CASSANDRA_VERSION + ".classpath";
    private static final Duration RESOLVE_TIMEOUT = Duration.ofMinutes(10);

    private RuntimeClasspath() {
    }

    /**
     * The jars of the server, from {@code cacheFile} when every jar it names still exists, else
     * resolved again with {@code mvn} (or {@code $PMIP_MVN}) in {@code workDir}.
     */
    static List<Path> resolve(Path cacheFile, Path workDir) {
        List<Path> cached = readCache(cacheFile);
        if (!cached.isEmpty()) {
            return cached;
        }
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(cacheFile.toAbsolutePath().getParent());
            // not named pom.xml, so that build scripts looking for changed poms (ops/bin/pmip) ignore it
            Path pom = workDir.resolve("cassandra-runtime.pom.xml");
            Files.writeString(pom, pomText());
            Path tmp = Files.createTempFile(cacheFile.toAbsolutePath().getParent(), "classpath", ".tmp");
            Path log = workDir.resolve("resolve.log");
            String mvn = System.getenv().getOrDefault("PMIP_MVN", "mvn");
            Process process = new ProcessBuilder(mvn, "-q", "-B", "-f", pom.toString(),
                    "dependency:build-classpath",
                    "-Dmdep.outputFile=" + tmp,
                    "-Dmdep.includeScope=runtime")
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!process.waitFor(RESOLVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new LocalCassandraException("resolving cassandra-all " + CASSANDRA_VERSION
                        + " with Maven took longer than " + RESOLVE_TIMEOUT + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new LocalCassandraException("Maven could not resolve cassandra-all " + CASSANDRA_VERSION
                        + " (exit " + process.exitValue() + "); see " + log);
            }
            Files.move(tmp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LocalCassandraException("cannot resolve the Cassandra classpath: " + e.getMessage()
                    + " (is mvn on the PATH? set PMIP_MVN otherwise)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalCassandraException("interrupted while resolving the Cassandra classpath", e);
        }
        List<Path> resolved = readCache(cacheFile);
        if (resolved.isEmpty()) {
            throw new LocalCassandraException("Maven produced an unusable classpath in " + cacheFile);
        }
        return resolved;
    }

    /** The jamm jar, which the node loads as a Java agent to measure memtable sizes. */
    static Path jammAgent(List<Path> classpath) {
        return classpath.stream()
                .filter(p -> p.getFileName().toString().startsWith("jamm-"))
                .findFirst()
                .orElseThrow(() -> new LocalCassandraException("no jamm jar in the Cassandra classpath"));
    }

    private static List<Path> readCache(Path cacheFile) {
        if (!Files.isRegularFile(cacheFile)) {
            return List.of();
        }
        try {
            String text = Files.readString(cacheFile).trim();
            List<Path> jars = new ArrayList<>();
            for (String entry : text.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    jars.add(Path.of(entry));
                }
            }
            boolean complete = !jars.isEmpty() && jars.stream().allMatch(Files::isRegularFile)
                    && jars.stream().anyMatch(p -> p.getFileName().toString()
                            .equals("cassandra-all-" + CASSANDRA_VERSION + ".jar"));
            return complete ? List.copyOf(jars) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pomText() throws IOException {
        try (InputStream in = RuntimeClasspath.class.getResourceAsStream("cassandra-runtime.pom.xml")) {
            if (in == null) {
                throw new IOException("resource cassandra-runtime.pom.xml missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@CASSANDRA_VERSION@", CASSANDRA_VERSION);
        }
    }

    static String join(List<Path> jars) {
        return String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toArray(String[]::new));
    }
}
