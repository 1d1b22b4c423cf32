package io.pmip.persistence.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a local Cassandra node keeps its files and which ports it binds.
 *
 * @param dataDir        everything of the node lives below it: data, commitlog, logs, yaml, pid
 * @param listenAddress  address of both the storage (gossip) and the native (CQL) listener
 * @param nativePort     CQL port clients connect to
 * @param storagePort    internode port; distinct per node on one host even though a single node
 *                       never talks to a peer, because Cassandra binds it regardless
 * @param heapMin        -Xms of the node
 * @param heapMax        -Xmx of the node
 * @param classpathCache file holding the resolved cassandra-all runtime classpath
 */
public record LocalCassandraSettings(
        Path dataDir,
        String listenAddress,
        int nativePort,
        int storagePort,
        String heapMin,
        String heapMax,
        Path classpathCache) {

    public static final int DEFAULT_NATIVE_PORT = 9042;
    public static final int DEFAULT_STORAGE_PORT = 7000;
    // Sized for a 2-core machine shared with the LMA: enough for the journal of a test cluster.
    public static final String DEFAULT_HEAP_MIN = "512m";
    public static final String DEFAULT_HEAP_MAX = "1g";

    public LocalCassandraSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(listenAddress, "listenAddress");
        Objects.requireNonNull(heapMin, "heapMin");
        Objects.requireNonNull(heapMax, "heapMax");
        Objects.requireNonNull(classpathCache, "classpathCache");
        dataDir = dataDir.toAbsolutePath().normalize();
        classpathCache = classpathCache.toAbsolutePath().normalize();
        requirePort(nativePort, "nativePort");
        requirePort(storagePort, "storagePort");
        if (nativePort == storagePort) {
            throw new IllegalArgumentException("nativePort and storagePort must differ: " + nativePort);
        }
    }

    /** The developer node: 127.0.0.1:9042, storage port 7000, classpath cached in the data dir. */
    public static LocalCassandraSettings defaults(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return new LocalCassandraSettings(dir, "127.0.0.1", DEFAULT_NATIVE_PORT, DEFAULT_STORAGE_PORT,
                DEFAULT_HEAP_MIN, DEFAULT_HEAP_MAX, dir.resolve(RuntimeClasspath.CACHE_FILE_NAME));
    }

    /**
     * A node for one test class: its own data dir and free ports, so it never meets a developer's
     * node or another test's. The classpath is cached next to the data dir's parent when given, so
     * consecutive test classes resolve it once.
     */
    public static LocalCassandraSettings forTests(Path dataDir, Path classpathCache) {
        int nativePort = freePort();
        int storagePort = freePort();
        while (storagePort == nativePort) {
            storagePort = freePort();
        }
        return defaults(dataDir)
                .withNativePort(nativePort)
                .withStoragePort(storagePort)
                .withClasspathCache(classpathCache);
    }

    /** Listening on another address than loopback, e.g. one reachable from other network namespaces. */
    public LocalCassandraSettings withListenAddress(String address) {
        return new LocalCassandraSettings(dataDir, address, nativePort, storagePort, heapMin, heapMax, classpathCache);
    }

    public LocalCassandraSettings withNativePort(int port) {
        return new LocalCassandraSettings(dataDir, listenAddress, port, storagePort, heapMin, heapMax, classpathCache);
    }

    public LocalCassandraSettings withStoragePort(int port) {
        return new LocalCassandraSettings(dataDir, listenAddress, nativePort, port, heapMin, heapMax, classpathCache);
    }

    public LocalCassandraSettings withHeap(String min, String max) {
        return new LocalCassandraSettings(dataDir, listenAddress, nativePort, storagePort, min, max, classpathCache);
    }

    public LocalCassandraSettings withClasspathCache(Path file) {
        return new LocalCassandraSettings(dataDir, listenAddress, nativePort, storagePort, heapMin, heapMax, file);
    }

    /** host:port of the CQL listener, as a driver contact point. */
    public InetSocketAddress contactPoint() {
        return new InetSocketAddress(listenAddress, nativePort);
    }

    Path pidFile() {
        return dataDir.resolve("cassandra.pid");
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    Path confDir() {
        return dataDir.resolve("conf");
    }

    private static void requirePort(int port, String name) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " out of range 1..65535: " + port);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
