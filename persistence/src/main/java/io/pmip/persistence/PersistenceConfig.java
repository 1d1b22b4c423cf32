package io.pmip.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Loads the configuration every actor system of the LMA runs with: the application's own
 * application.conf over persistence.conf over serialization.conf over the libraries'
 * reference.conf, with environment overrides applied (see persistence.conf for the keys).
 */
public final class PersistenceConfig {
    /** Comma-separated host:port list overriding pmip.cassandra.contact-points. */
    public static final String CONTACT_POINTS_ENV = "PMIP_CASSANDRA_CONTACT_POINTS";
    public static final String CONTACT_POINTS_PATH = "pmip.cassandra.contact-points";

    private PersistenceConfig() {
    }

    /** The configuration with the process environment applied. */
    public static Config load() {
        return load(ConfigFactory.empty(), System.getenv());
    }

    /** The configuration with {@code overrides} on top (e.g. a test's contact point). */
    public static Config load(Config overrides) {
        return load(overrides, System.getenv());
    }

    /** Loads with an explicit environment, so the overrides can be tested without a process. */
    public static Config load(Config overrides, Map<String, String> env) {
        Config layered = overrides
                .withFallback(environmentOverrides(env))
                .withFallback(ConfigFactory.defaultApplication())
                .withFallback(ConfigFactory.parseResources(PersistenceConfig.class.getClassLoader(), "persistence.conf"))
                .withFallback(ConfigFactory.parseResources(PersistenceConfig.class.getClassLoader(), "serialization.conf"));
        return ConfigFactory.load(PersistenceConfig.class.getClassLoader(), layered);
    }

    /** The configuration pointing the journal, snapshots and projections at one node. */
    public static Config forContactPoint(String hostPort) {
        return load(ConfigFactory.empty().withValue(CONTACT_POINTS_PATH,
                ConfigValueFactory.fromIterable(List.of(hostPort))));
    }

    private static Config environmentOverrides(Map<String, String> env) {
        String value = env.get(CONTACT_POINTS_ENV);
        if (value == null || value.isBlank()) {
            return ConfigFactory.empty();
        }
        List<String> points = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        return ConfigFactory.empty().withValue(CONTACT_POINTS_PATH, ConfigValueFactory.fromIterable(points));
    }
}
