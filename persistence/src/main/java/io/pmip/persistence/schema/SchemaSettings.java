package io.pmip.persistence.schema;

import com.typesafe.config.Config;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The keyspaces the schema goes into and how they replicate.
 *
 * @param journalKeyspace    pekko-persistence-cassandra journal (messages, tag views, metadata)
 * @param snapshotKeyspace   pekko-persistence-cassandra snapshot store
 * @param projectionKeyspace pekko-projection-cassandra offset store
 * @param replication        the CQL replication map of the three keyspaces
 */
public record SchemaSettings(
        String journalKeyspace, String snapshotKeyspace, String projectionKeyspace, String replication) {

    // CQL unquoted identifiers; Cassandra caps keyspace names at 48 characters.
    private static final Pattern KEYSPACE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");

    public SchemaSettings {
        requireKeyspace(journalKeyspace, "journal keyspace");
        requireKeyspace(snapshotKeyspace, "snapshot keyspace");
        requireKeyspace(projectionKeyspace, "projection keyspace");
        Objects.requireNonNull(replication, "replication");
    }

    /** The keyspaces the plugins are configured with (persistence.conf), so they always agree. */
    public static SchemaSettings fromConfig(Config config) {
        return new SchemaSettings(
                config.getString("pekko.persistence.cassandra.journal.keyspace"),
                config.getString("pekko.persistence.cassandra.snapshot.keyspace"),
                config.getString("pekko.projection.cassandra.offset-store.keyspace"),
                replication(config.getString("pmip.cassandra.replication-strategy"),
                        config.getInt("pmip.cassandra.replication-factor"),
                        config.getString("pmip.cassandra.local-datacenter")));
    }

    /** The CQL replication map for {@code strategy} (SimpleStrategy or NetworkTopologyStrategy). */
    public static String replication(String strategy, int factor, String datacenter) {
        if (factor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1: " + factor);
        }
        return switch (strategy.toLowerCase(Locale.ROOT)) {
            case "simplestrategy" -> "{'class': 'SimpleStrategy', 'replication_factor': " + factor + "}";
            case "networktopologystrategy" -> {
                if (!datacenter.matches("[A-Za-z0-9_.-]+")) {
                    throw new IllegalArgumentException("invalid datacenter name: " + datacenter);
                }
                yield "{'class': 'NetworkTopologyStrategy', '" + datacenter + "': " + factor + "}";
            }
            default -> throw new IllegalArgumentException(
                    "replication strategy must be SimpleStrategy or NetworkTopologyStrategy: " + strategy);
        };
    }

    public SchemaSettings withJournalKeyspace(String keyspace) {
        return new SchemaSettings(keyspace, snapshotKeyspace, projectionKeyspace, replication);
    }

    public SchemaSettings withSnapshotKeyspace(String keyspace) {
        return new SchemaSettings(journalKeyspace, keyspace, projectionKeyspace, replication);
    }

    public SchemaSettings withProjectionKeyspace(String keyspace) {
        return new SchemaSettings(journalKeyspace, snapshotKeyspace, keyspace, replication);
    }

    private static void requireKeyspace(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!KEYSPACE.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " is not a valid CQL keyspace name: " + name);
        }
    }
}
