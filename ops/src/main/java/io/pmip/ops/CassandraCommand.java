package io.pmip.ops;

import io.pmip.persistence.cassandra.CassandraStatus;
import io.pmip.persistence.cassandra.LocalCassandra;
import io.pmip.persistence.cassandra.LocalCassandraException;
import io.pmip.persistence.cassandra.LocalCassandraSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code pmip cassandra start|stop|status}: the local Cassandra 5.0 node of this checkout. */
@Command(
        name = "cassandra",
        mixinStandardHelpOptions = true,
        description = "Run a local Apache Cassandra 5.0 node (its own JVM, from the cassandra-all artifacts).",
        subcommands = {
            CassandraCommand.Start.class,
            CassandraCommand.Stop.class,
            CassandraCommand.Status.class,
        })
final class CassandraCommand implements Runnable {
    /** Exit code of status for a node that is not running, as LSB init scripts use it. */
    static final int EXIT_NOT_RUNNING = 3;
    /** Exit code of an invalid option value (picocli uses 2 for unparseable ones too). */
    static final int EXIT_USAGE = 2;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options every subcommand shares: which node. */
    static final class NodeOptions {
        @Option(names = "--data", paramLabel = "DIR",
                description = "Data directory of the node (default: $PMIP_HOME/var/cassandra, else ./var/cassandra).")
        Path data;

        @Option(names = "--port", paramLabel = "N", defaultValue = "9042",
                description = "CQL (native transport) port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--storage-port", paramLabel = "N", defaultValue = "7000",
                description = "Internode port; give each node on this host its own (default: ${DEFAULT-VALUE}).")
        int storagePort;

        LocalCassandra cassandra() {
            return new LocalCassandra(LocalCassandraSettings.defaults(dataDir())
                    .withNativePort(port)
                    .withStoragePort(storagePort));
        }

        private Path dataDir() {
            if (data != null) {
                return data;
            }
            String home = System.getenv("PMIP_HOME");
            Path root = home == null || home.isBlank() ? Path.of("") : Path.of(home);
            return root.resolve("var").resolve("cassandra");
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the node unless one already answers on the port; return once CQL answers.")
    static final class Start implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        NodeOptions node = new NodeOptions();

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
                description = "Give up (and stop the node) after this long (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Override
        public Integer call() {
            try {
                CassandraStatus status = node.cassandra().start(Duration.ofSeconds(timeoutSeconds));
                System.out.println("cassandra " + status);
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("pmip cassandra start: " + e.getMessage());
                return EXIT_USAGE;
            } catch (LocalCassandraException e) {
                System.err.println("pmip cassandra start: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the node of the data directory: SIGTERM (Cassandra drains), SIGKILL after the timeout.")
    static final class Stop implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        NodeOptions node = new NodeOptions();

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
                description = "Wait this long for a clean exit before SIGKILL (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Override
        public Integer call() {
            LocalCassandra cassandra;
            try {
                cassandra = node.cassandra();
            } catch (IllegalArgumentException e) {
                System.err.println("pmip cassandra stop: " + e.getMessage());
                return EXIT_USAGE;
            }
            boolean stopped = cassandra.stop(Duration.ofSeconds(timeoutSeconds));
            System.out.println(stopped ? "cassandra stopped" : "cassandra was not running from " + cassandra.settings().dataDir());
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Report running/starting/stopped, pid and port; exit 0 when running, 3 otherwise.")
    static final class Status implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        NodeOptions node = new NodeOptions();

        @Override
        public Integer call() {
            CassandraStatus status;
            try {
                status = node.cassandra().status();
            } catch (IllegalArgumentException e) {
                System.err.println("pmip cassandra status: " + e.getMessage());
                return EXIT_USAGE;
            }
            System.out.println("cassandra " + status);
            return status.running() ? 0 : EXIT_NOT_RUNNING;
        }
    }
}
