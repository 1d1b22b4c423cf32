package io.pmip.lma.node;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.typesafe.config.Config;
import io.pmip.lma.BindingEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSession;
import org.apache.pekko.stream.connectors.cassandra.javadsl.CassandraSessionRegistry;

/**
 * Keeps every node of an LMA cluster on the number of shards its journal was first used with.
 *
 * <p>An entity's shard is hash(entity id) % number-of-shards, and shards and their entities are
 * remembered in the journal. A node started with another number would send a mobile node's PBUs to a
 * shard other than the one that restarts its binding after a failover: two copies of one binding, two
 * writers of one journal. Pekko checks nothing here (the setting is read per node), so the first node
 * records the number in the journal keyspace's {@code cluster_settings} table with a lightweight
 * transaction, and every node, that one included, starts only when its own setting equals the record.
 * Changing the number therefore means a new journal keyspace, never a rolling restart.
 */
public final class ShardingLayout {
    /** The setting guarded, and its name in {@code cluster_settings}. */
    public static final String SETTING = "pekko.cluster.sharding.number-of-shards";

    /**
     * The remembered shards of the binding entity type (Pekko's event-sourced coordinator store): events
     * here and no record mean nodes older than this check used the journal.
     */
    static final String EARLIER_SHARDING = "/sharding/" + BindingEntity.TYPE_KEY.name() + "Coordinator";

    private static final Pattern KEYSPACE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");

    /** What the check found. */
    public enum Outcome {
        /** No node had recorded a number: this node's is now the cluster's. */
        RECORDED,
        /** This node's number is the one recorded. */
        MATCHED
    }

    /** This node's setting differs from the recorded one: it must not start. */
    public static final class MismatchException extends IllegalStateException {
        private final int configured;
        private final int recorded;

        MismatchException(int configured, int recorded, String recordedBy, Instant recordedAt) {
            super(SETTING + " is " + configured + " on this node, but this cluster's journal was first used with "
                    + recorded + " (recorded by " + recordedBy + " at " + recordedAt + "): entities would be sharded"
                    + " differently from their remembered shards and a binding could run twice. Start this node with "
                    + SETTING + " = " + recorded + ", or use a new journal keyspace for a new number.");
            this.configured = configured;
            this.recorded = recorded;
        }

        public int configured() {
            return configured;
        }

        public int recorded() {
            return recorded;
        }
    }

    private final CassandraSession session;
    private final String keyspace;

    ShardingLayout(CassandraSession session, String keyspace) {
        if (!KEYSPACE.matcher(keyspace).matches()) {
            throw new IllegalArgumentException("not a Cassandra keyspace name: " + keyspace);
        }
        this.session = session;
        this.keyspace = keyspace;
    }

    /** The check against the journal's keyspace through the journal plugin's Cassandra session. */
    public static ShardingLayout of(ClassicActorSystemProvider system, Config config) {
        return new ShardingLayout(CassandraSessionRegistry.get(system).sessionFor("pekko.persistence.cassandra"),
                config.getString("pekko.persistence.cassandra.journal.keyspace"));
    }

    /**
     * Records {@code configured} when nothing is recorded yet, else compares it with the record.
     *
     * @param adoptUnrecorded record {@code configured} even when the journal already holds sharding state
     *                        from nodes that predate this check (the operator vouches it is their number)
     * @throws MismatchException     when another number is recorded
     * @throws IllegalStateException when nothing is recorded but nodes have used the journal before, when
     *                               the table is missing, or when Cassandra does not answer in time
     */
    public Outcome verify(int configured, String node, boolean adoptUnrecorded, Duration timeout) {
        if (configured < 1) {
            throw new IllegalArgumentException(SETTING + " must be positive: " + configured);
        }
        Optional<Row> recorded = await(session.selectOne("SELECT value, recorded_by, recorded_at FROM " + keyspace
                + ".cluster_settings WHERE name = ?", SETTING), timeout);
        if (recorded.isPresent()) {
            return compare(configured, recorded.get());
        }
        if (!adoptUnrecorded && await(session.selectOne("SELECT sequence_nr FROM " + keyspace + ".messages WHERE"
                + " persistence_id = ? AND partition_nr = 0 LIMIT 1", EARLIER_SHARDING), timeout).isPresent()) {
            throw new IllegalStateException("no " + SETTING + " is recorded in " + keyspace + ".cluster_settings, but"
                    + " nodes have sharded entities with this journal before (" + EARLIER_SHARDING + " has events):"
                    + " the number they used is unknown. Start with the number those nodes ran with (1000 before"
                    + " it was recorded) and pmip.lma.node.adopt-unrecorded-number-of-shards = on, once.");
        }
        Row row = await(session.selectOne("INSERT INTO " + keyspace + ".cluster_settings (name, value, recorded_by,"
                + " recorded_at) VALUES (?, ?, ?, ?) IF NOT EXISTS", SETTING, Integer.toString(configured), node,
                Instant.now()), timeout).orElseThrow(() -> new IllegalStateException("Cassandra returned no row for a"
                + " conditional insert into " + keyspace + ".cluster_settings"));
        // Not applied: another node recorded its number first, and the row returned is that record.
        return row.getBoolean("[applied]") ? Outcome.RECORDED : compare(configured, row);
    }

    private Outcome compare(int configured, Row record) {
        int recorded = parse(record.getString("value"));
        if (recorded != configured) {
            throw new MismatchException(configured, recorded, record.getString("recorded_by"),
                    record.getInstant("recorded_at"));
        }
        return Outcome.MATCHED;
    }

    private int parse(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(keyspace + ".cluster_settings holds '" + value + "' for " + SETTING
                    + ", not a number", e);
        }
    }

    private <T> T await(CompletionStage<T> stage, Duration timeout) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cassandra did not answer the " + SETTING + " check within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + SETTING, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof InvalidQueryException) {
                throw new IllegalStateException("cannot check " + SETTING + " in " + keyspace + ".cluster_settings ("
                        + cause.getMessage() + "): apply the schema with `pmip schema apply`", cause);
            }
            throw new IllegalStateException("cannot check " + SETTING + ": " + cause, cause);
        }
    }

    /** For logs: what the check found. */
    static String describe(Outcome outcome, int configured) {
        return switch (outcome) {
            case RECORDED -> SETTING + " = " + configured + " recorded as this cluster's";
            case MATCHED -> SETTING + " = " + configured + " matches this cluster's";
        };
    }
}
