package io.pmip.ops;

import com.typesafe.config.Config;
import io.pmip.persistence.PersistenceConfig;
import io.pmip.persistence.schema.SchemaMigration;
import io.pmip.persistence.schema.SchemaSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pmip schema apply}: create the journal, snapshot and projection tables if missing. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = "Cassandra schema of the journal, snapshot store and projection offsets.",
        subcommands = {SchemaCommand.Apply.class})
final class SchemaCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Create the keyspaces and tables that do not exist yet (idempotent; never alters or drops).",
                "Defaults come from persistence.conf and its PMIP_CASSANDRA_* environment overrides."})
    static final class Apply implements Callable<Integer> {
        @Option(names = "--contact-point", paramLabel = "HOST:PORT",
                description = "A Cassandra node; repeatable (default: pmip.cassandra.contact-points).")
        List<String> contactPoints;

        @Option(names = "--local-datacenter", paramLabel = "DC",
                description = "Datacenter of the contact points (default: pmip.cassandra.local-datacenter).")
        String localDatacenter;

        @Option(names = {"--keyspace", "--journal-keyspace"}, paramLabel = "NAME",
                description = "Journal keyspace (default: pmip.cassandra.journal-keyspace).")
        String journalKeyspace;

        @Option(names = "--snapshot-keyspace", paramLabel = "NAME",
                description = "Snapshot keyspace (default: pmip.cassandra.snapshot-keyspace).")
        String snapshotKeyspace;

        @Option(names = "--projection-keyspace", paramLabel = "NAME",
                description = "Projection offset keyspace (default: pmip.cassandra.projection-keyspace).")
        String projectionKeyspace;

        @Option(names = "--dry-run", description = "Print the CQL instead of executing it.")
        boolean dryRun;

        @Override
        public Integer call() {
            try {
                Config config = PersistenceConfig.load();
                SchemaSettings settings = SchemaSettings.fromConfig(config);
                if (journalKeyspace != null) {
                    settings = settings.withJournalKeyspace(journalKeyspace);
                }
                if (snapshotKeyspace != null) {
                    settings = settings.withSnapshotKeyspace(snapshotKeyspace);
                }
                if (projectionKeyspace != null) {
                    settings = settings.withProjectionKeyspace(projectionKeyspace);
                }
                SchemaMigration migration = new SchemaMigration(settings);
                if (dryRun) {
                    migration.statements().forEach(cql -> System.out.println(cql + ";\n"));
                    return 0;
                }
                List<String> points = contactPoints != null ? contactPoints
                        : config.getStringList(PersistenceConfig.CONTACT_POINTS_PATH);
                List<InetSocketAddress> addresses = points.stream().map(SchemaMigration::contactPoint).toList();
                String dc = localDatacenter != null ? localDatacenter : config.getString("pmip.cassandra.local-datacenter");
                int applied = migration.apply(addresses, dc);
                System.out.println("schema applied: " + applied + " statements on " + points
                        + " (keyspaces " + settings.journalKeyspace() + ", " + settings.snapshotKeyspace()
                        + ", " + settings.projectionKeyspace() + ")");
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("pmip schema apply: " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                // the driver's AllNodesFailedException, timeouts, invalid queries: report, don't dump
                System.err.println("pmip schema apply: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                return 1;
            }
        }
    }
}
