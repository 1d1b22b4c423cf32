package io.pmip.lma.history;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.pmip.lma.node.LmaConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A short-lived, local (not clustered) actor system reading the journal the LMA writes: the LMA's
 * own configuration ({@link LmaConfig}: the same file, {@code PMIP_CASSANDRA_CONTACT_POINTS}, keyspaces
 * and serializers) with the Cassandra journal and nothing of the node started.
 */
public final class ReplaySystem implements AutoCloseable {
    public static final String ACTOR_SYSTEM_NAME = "pmip-replay";
    private static final Duration TERMINATION_TIMEOUT = Duration.ofSeconds(30);

    /** A reader needs no cluster, no remoting port and never starts Cassandra. */
    private static final String READER = """
            pekko.actor.provider = local
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
            pmip.lma.node.auto-start-cassandra = false
            # a reader fails fast when Cassandra is down instead of retrying like a starting LMA node
            datastax-java-driver.advanced.reconnect-on-init = false
            # a reader is not latency-bound: a busy Cassandra answering in 3 s must not fail a replay
            datastax-java-driver.basic.request.timeout = 10s
            """;

    private final ActorSystem<Void> system;
    private final BindingHistory history;

    private ReplaySystem(ActorSystem<Void> system) {
        this.system = system;
        this.history = BindingHistory.cassandra(system);
    }

    /**
     * The LMA's configuration as a reader of its Cassandra journal.
     *
     * @param configFile the LMA's --config file, if any
     * @param env        the environment ({@code PMIP_CASSANDRA_CONTACT_POINTS}, ...); {@code PMIP_JOURNAL} is ignored
     */
    public static Config config(Optional<Path> configFile, Map<String, String> env) {
        Map<String, String> cassandra = new HashMap<>(env);
        cassandra.put("PMIP_JOURNAL", "cassandra");
        return ConfigFactory.parseString(READER).withFallback(LmaConfig.load(configFile, cassandra)).resolve();
    }

    public static ReplaySystem start(Config config) {
        return new ReplaySystem(ActorSystem.create(Behaviors.empty(), ACTOR_SYSTEM_NAME, config));
    }

    public BindingHistory history() {
        return history;
    }

    public ActorSystem<Void> system() {
        return system;
    }

    /** Terminates the system and waits (bounded) so that the driver's connections are closed. */
    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(TERMINATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            // terminating anyway: nothing of a reader needs a clean stop
        }
    }
}
