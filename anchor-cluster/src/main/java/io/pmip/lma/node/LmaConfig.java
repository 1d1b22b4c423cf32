package io.pmip.lma.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of one LMA node: environment overrides, then the operator's file, then the
 * journal's settings, then the defaults ({@code lma-node.conf} with {@code cluster.conf} and
 * {@code serialization.conf}; {@code persistence.conf} for the Cassandra journal; reference.conf).
 */
public final class LmaConfig {
    public static final String ACTOR_SYSTEM_NAME = "pmip-lma";
    public static final String JOURNAL_PATH = "pmip.lma.node.journal";
    public static final String CONTACT_POINTS_PATH = "pmip.cassandra.contact-points";
    /** Set by {@link #load}: whether contact points came from the environment or the file. */
    public static final String CONTACT_POINTS_EXPLICIT_PATH = "pmip.lma.node.contact-points-explicit";

    /** Environment variable to configuration path, for the plain values. */
    static final Map<String, String> ENV_PATHS = envPaths();

    private static final String INMEM_JOURNAL = """
            # InMemoryJournal, not pekko.persistence.journal.inmem (no read journal) nor the persistence
            # testkit's (one global lock, whole-journal scans per tag query): see InMemoryEventLog
            pekko.persistence.journal.plugin = "pmip.inmem-journal"
            pekko.persistence.snapshot-store.plugin = "pmip.inmem-snapshot-store"
            """;

    private LmaConfig() {
    }

    private static Map<String, String> envPaths() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PMIP_JOURNAL", JOURNAL_PATH);
        m.put("PMIP_LMA_UDP_ENABLED", "pmip.lma.node.udp.enabled");
        m.put("PMIP_LMA_UDP_ADDRESS", "pmip.lma.node.udp.address");
        m.put("PMIP_LMA_UDP_PORT", "pmip.lma.node.udp.port");
        m.put("PMIP_LMA_MH_ENABLED", "pmip.lma.node.mh.enabled");
        m.put("PMIP_LMA_MH_ADDRESS", "pmip.lma.node.mh.address");
        m.put("PMIP_LMA_UNICAST_UDP_ADDRESS", "pmip.lma.node.unicast.udp.address");
        m.put("PMIP_LMA_UNICAST_MH_ADDRESS", "pmip.lma.node.unicast.mh.address");
        m.put("PMIP_LMA_REDIRECT", "pmip.lma.node.redirect.enabled");
        m.put("PMIP_LMA_RECEIVE_BUFFER_BYTES", "pmip.lma.node.receive-buffer-bytes");
        m.put("PMIP_CLUSTER_HOST", "pekko.remote.artery.canonical.hostname");
        m.put("PMIP_CLUSTER_PORT", "pekko.remote.artery.canonical.port");
        m.put("PMIP_HOME", "pmip.lma.node.home");
        m.put("PMIP_LMA_HEARTBEAT_ENABLED", "pmip.lma.heartbeat.enabled");
        m.put("PMIP_LMA_HEARTBEAT_INTERVAL", "pmip.lma.heartbeat.interval");
        m.put("PMIP_LMA_HEARTBEAT_MISSING_ALLOWED", "pmip.lma.heartbeat.missing-heartbeats-allowed");
        return Map.copyOf(m);
    }

    /** With the process environment. */
    public static Config load(Optional<Path> configFile) {
        return load(configFile, System.getenv());
    }

    /**
     * Loads and resolves the node's configuration.
     *
     * @throws IllegalArgumentException for a missing config file, an unknown journal or a bad
     *                                  PMIP_SEED_NODES entry
     * @throws com.typesafe.config.ConfigException for a file that does not parse
     */
    public static Config load(Optional<Path> configFile, Map<String, String> env) {
        ClassLoader loader = LmaConfig.class.getClassLoader();
        Config file = ConfigFactory.empty();
        if (configFile.isPresent()) {
            Path path = configFile.get();
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("config file not found: " + path);
            }
            file = ConfigFactory.parseFile(path.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        }
        Config user = environmentOverrides(env).withFallback(file);
        Config defaults = ConfigFactory.parseResources(loader, "lma-node.conf");
        String journal = ConfigFactory.load(loader, user.withFallback(defaults)).getString(JOURNAL_PATH)
                .trim().toLowerCase(Locale.ROOT);
        Config journalLayer = switch (journal) {
            case "inmem" -> ConfigFactory.parseString(INMEM_JOURNAL);
            case "cassandra" -> ConfigFactory.parseResources(loader, "persistence.conf");
            default -> throw new IllegalArgumentException(
                    "pmip.lma.node.journal must be \"cassandra\" or \"inmem\", got \"" + journal + "\"");
        };
        Config layered = user
                .withValue(JOURNAL_PATH, ConfigValueFactory.fromAnyRef(journal))
                .withValue(CONTACT_POINTS_EXPLICIT_PATH, ConfigValueFactory.fromAnyRef(user.hasPath(CONTACT_POINTS_PATH)))
                .withFallback(journalLayer)
                .withFallback(defaults);
        return ConfigFactory.load(loader, layered);
    }

    private static Config environmentOverrides(Map<String, String> env) {
        Config c = ConfigFactory.empty();
        for (Map.Entry<String, String> e : ENV_PATHS.entrySet()) {
            String value = env.get(e.getKey());
            if (value != null && !value.isBlank()) {
                c = c.withValue(e.getValue(), ConfigValueFactory.fromAnyRef(value.trim()));
            }
        }
        String seeds = env.get("PMIP_SEED_NODES");
        if (seeds != null && !seeds.isBlank()) {
            c = c.withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(seedNodes(seeds)));
        }
        String contactPoints = env.get("PMIP_CASSANDRA_CONTACT_POINTS");
        if (contactPoints != null && !contactPoints.isBlank()) {
            c = c.withValue(CONTACT_POINTS_PATH, ConfigValueFactory.fromIterable(split(contactPoints)));
        }
        return c;
    }

    /** {@code "host:port,[::1]:port"} to Pekko addresses; a full {@code pekko://} address is kept as is. */
    static List<String> seedNodes(String commaSeparated) {
        return split(commaSeparated).stream().map(LmaConfig::seedNode).toList();
    }

    private static String seedNode(String hostPort) {
        if (hostPort.startsWith("pekko://")) {
            return hostPort;
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("PMIP_SEED_NODES entry is not host:port: '" + hostPort + "'");
        }
        String port = hostPort.substring(colon + 1);
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 0xffff) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PMIP_SEED_NODES entry has a bad port: '" + hostPort + "'");
        }
        return "pekko://" + ACTOR_SYSTEM_NAME + "@" + hostPort;
    }

    private static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
