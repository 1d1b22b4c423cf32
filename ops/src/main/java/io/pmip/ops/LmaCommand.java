package io.pmip.ops;

import com.typesafe.config.Config;
import io.pmip.lma.node.LmaConfig;
import io.pmip.lma.node.LmaNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pmip lma}: one LMA node in the foreground until SIGTERM/SIGINT. */
@Command(
        name = "lma",
        mixinStandardHelpOptions = true,
        description = {"Run one LMA node (cluster member, binding cache, signaling on UDP 5436 and raw IPv6) in the",
            "foreground. Prints \"lma up: cluster=HOST:PORT udp=ADDR:PORT mh=ADDR\" when it serves; stops cleanly on",
            "SIGTERM/SIGINT. Environment overrides: PMIP_JOURNAL, PMIP_LMA_UDP_ENABLED, PMIP_LMA_UDP_ADDRESS,",
            "PMIP_LMA_UDP_PORT, PMIP_LMA_MH_ENABLED, PMIP_LMA_MH_ADDRESS, PMIP_CLUSTER_HOST, PMIP_CLUSTER_PORT,",
            "PMIP_SEED_NODES (host:port,...), PMIP_CASSANDRA_CONTACT_POINTS, PMIP_HOME, PMIP_LMA_UNICAST_UDP_ADDRESS,",
            "PMIP_LMA_UNICAST_MH_ADDRESS (this node's own LMA address), PMIP_LMA_REDIRECT (RFC 6463 on|off)."})
final class LmaCommand implements Callable<Integer> {
    /** Journal choices of {@code --journal}. */
    enum Journal { inmem, cassandra }

    /** The node of the command running in this JVM, if any (tests stop it through this). */
    static final AtomicReference<LmaNode> RUNNING = new AtomicReference<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "HOCON configuration (see ops/conf/lma.conf); environment variables override it.")
    Path configFile;

    @Option(names = "--journal", paramLabel = "inmem|cassandra",
            description = "Overrides pmip.lma.node.journal and PMIP_JOURNAL. inmem needs no Cassandra; its state "
                    + "dies with the process.")
    Journal journal;

    @Option(names = "--startup-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long to wait for cluster membership before giving up (default: ${DEFAULT-VALUE}).")
    long startupTimeoutSeconds;

    @Override
    public Integer call() {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (journal != null) {
            env.put("PMIP_JOURNAL", journal.name());
        }
        LmaNode node;
        try {
            Config config = LmaConfig.load(Optional.ofNullable(configFile), env);
            node = LmaNode.start(config);
        } catch (RuntimeException e) {
            // Bad configuration, a transport that cannot bind, a Cassandra that does not come up.
            spec.commandLine().getErr().println("pmip lma: " + e.getMessage());
            return 1;
        }
        // SIGTERM/SIGINT: coordinated shutdown (transports first, then leaving the cluster).
        Thread hook = new Thread(node::close, "pmip-lma-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        RUNNING.set(node);
        try {
            try {
                node.awaitUp(Duration.ofSeconds(startupTimeoutSeconds));
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("pmip lma: " + e.getMessage());
                node.close();
                return 1;
            }
            spec.commandLine().getOut().println(node.upLine());
            spec.commandLine().getOut().flush();
            node.system().getWhenTerminated().toCompletableFuture().join();
            return 0;
        } finally {
            RUNNING.compareAndSet(node, null);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it closes the node
            }
        }
    }
}
