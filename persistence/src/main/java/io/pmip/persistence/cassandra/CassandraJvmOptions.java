package io.pmip.persistence.cassandra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the node's JVM: what Cassandra's bin/cassandra, cassandra-env.sh,
 * jvm-server.options and jvm17-server.options would have given it, minus JMX (the node is managed
 * by pid, not nodetool, and an unopened JMX port cannot collide with another node's).
 */
final class CassandraJvmOptions {
    static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";

    /** From conf/jvm17-server.options (JPMS section): Cassandra reaches into JDK internals. */
    private static final List<String> JDK17_ACCESS = List.of(
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED");

    /** G1 settings of jvm17-server.options, with its pause target kept below the request timeouts. */
    private static final List<String> GC = List.of(
            "-XX:+UseG1GC",
            "-XX:+ParallelRefProcEnabled",
            "-XX:MaxTenuringThreshold=1",
            "-XX:G1HeapRegionSize=16m",
            "-XX:G1RSetUpdatingPauseTimePercent=5",
            "-XX:MaxGCPauseMillis=300",
            "-XX:InitiatingHeapOccupancyPercent=70");

    private CassandraJvmOptions() {
    }

    static List<String> command(Path java, LocalCassandraSettings s, List<Path> classpath, Path yaml, Path logback) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("-Xms" + s.heapMin());
        cmd.add("-Xmx" + s.heapMax());
        cmd.add("-Xss256k");
        cmd.addAll(GC);
        // A node that ran out of heap may have half-written state; dying is the safe answer.
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:+PerfDisableSharedMem");
        cmd.add("-Djdk.attach.allowAttachSelf=true");
        cmd.addAll(JDK17_ACCESS);
        cmd.add("-Dio.netty.tryReflectionSetAccessible=true");
        cmd.add("-Dio.netty.allocator.useCacheForAllThreads=true");
        cmd.add("-Dio.netty.allocator.maxOrder=11");
        cmd.add("-Djava.net.preferIPv4Stack=true");
        cmd.add("-javaagent:" + RuntimeClasspath.jammAgent(classpath));
        // A lone seed has no gossip to wait for: without these the first start sleeps ~30 s.
        cmd.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
        cmd.add("-Dcassandra.ring_delay_ms=1000");
        cmd.add("-Dcassandra.config=" + yaml.toUri());
        cmd.add("-Dcassandra.storagedir=" + s.dataDir());
        cmd.add("-Dcassandra.logdir=" + s.logDir());
        cmd.add("-Dlogback.configurationFile=" + logback.toUri());
        // Foreground keeps stdout/stderr open (redirected to logs/stdout.log) for JVM-level errors.
        cmd.add("-Dcassandra-foreground=yes");
        cmd.add("-cp");
        cmd.add(RuntimeClasspath.join(classpath));
        cmd.add(MAIN_CLASS);
        return List.copyOf(cmd);
    }
}
