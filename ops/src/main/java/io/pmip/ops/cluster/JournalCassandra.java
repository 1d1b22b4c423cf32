package io.pmip.ops.cluster;

import com.typesafe.config.Config;
import io.pmip.persistence.PersistenceConfig;
import io.pmip.persistence.cassandra.LocalCassandra;
import io.pmip.persistence.cassandra.LocalCassandraSettings;
import io.pmip.persistence.schema.SchemaMigration;
import io.pmip.persistence.schema.SchemaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Cassandra that LMA processes started here journal to: the configured contact points
 * ({@code PMIP_CASSANDRA_CONTACT_POINTS}), else the local node of {@code pmip cassandra} in
 * {@code $PMIP_HOME/var/cassandra}, started once here rather than raced for by every node. The
 * schema is applied either way (it only creates what is missing).
 *
 * @param contactPoints what to pass to the nodes as PMIP_CASSANDRA_CONTACT_POINTS
 * @param startedHere   the local node when this call started it (so the caller may stop it)
 */
public record JournalCassandra(String contactPoints, Optional<LocalCassandra> startedHere) {
    public static final String LOCAL_DATACENTER = "datacenter1";

    /**
     * @throws io.pmip.persistence.cassandra.LocalCassandraException when the local node does not start
     */
    public static JournalCassandra ensure(Path home, Map<String, String> env, Duration startTimeout) {
        String configured = env.get(PersistenceConfig.CONTACT_POINTS_ENV);
        if (configured != null && !configured.isBlank()) {
            applySchema(configured.trim());
            return new JournalCassandra(configured.trim(), Optional.empty());
        }
        LocalCassandra local = new LocalCassandra(LocalCassandraSettings.defaults(home.resolve("var").resolve("cassandra")));
        boolean wasRunning = local.status().running();
        local.start(startTimeout);
        applySchema(local.contactPointString());
        return new JournalCassandra(local.contactPointString(), wasRunning ? Optional.empty() : Optional.of(local));
    }

    /** Creates the journal, snapshot and remembered-entity tables where missing. */
    public static int applySchema(String contactPoints) {
        Config config = PersistenceConfig.forContactPoint(contactPoints.split(",")[0].trim());
        List<java.net.InetSocketAddress> points = Arrays.stream(contactPoints.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(SchemaMigration::contactPoint).toList();
        return new SchemaMigration(SchemaSettings.fromConfig(config)).apply(points, LOCAL_DATACENTER);
    }
}
