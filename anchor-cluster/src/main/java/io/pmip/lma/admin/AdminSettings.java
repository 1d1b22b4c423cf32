package io.pmip.lma.admin;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The admin API's settings ({@code pmip.admin} in {@code admin.conf}), with the environment taking
 * precedence over the configuration, as for the rest of the node.
 *
 * @param token          the bearer token; empty means no admin API at all (never an open one)
 * @param openHealth     /health/* answer without a token (for load balancers and orchestrators)
 * @param openMetrics    /metrics answers without a token (for a Prometheus without credentials)
 * @param revocationTimeout how long DELETE /api/bindings/{mnId} waits for the MAG's BRA
 * @param askTimeout     how long the API waits for an entity, the read journal or sharding
 */
public record AdminSettings(boolean enabled, String address, int port, Optional<String> token, boolean openHealth,
        boolean openMetrics, Duration revocationTimeout, Duration askTimeout, int maxPageSize) {

    /** Environment variable to {@code pmip.admin} key. */
    static final Map<String, String> ENV = Map.of(
            "PMIP_ADMIN_ENABLED", "enabled",
            "PMIP_ADMIN_ADDRESS", "address",
            "PMIP_ADMIN_PORT", "port",
            "PMIP_ADMIN_TOKEN", "token");

    public AdminSettings {
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("pmip.admin.port out of range: " + port);
        }
        token = token.filter(t -> !t.isBlank());
    }

    /** From {@code pmip.admin} of {@code config}, each overridden by its PMIP_ADMIN_* variable when set. */
    public static AdminSettings fromConfig(Config config, Map<String, String> env) {
        // admin.conf is this package's own defaults layer, so the node's files need not include it.
        Config admin = config.withFallback(ConfigFactory.parseResources(AdminSettings.class.getClassLoader(),
                "admin.conf")).resolve().getConfig("pmip.admin");
        return new AdminSettings(
                Boolean.parseBoolean(value(admin, env, "enabled")),
                value(admin, env, "address"),
                parsePort(value(admin, env, "port")),
                Optional.of(value(admin, env, "token")),
                admin.getBoolean("open-health"),
                admin.getBoolean("open-metrics"),
                admin.getDuration("revocation-timeout"),
                admin.getDuration("ask-timeout"),
                admin.getInt("max-page-size"));
    }

    private static String value(Config admin, Map<String, String> env, String key) {
        for (Map.Entry<String, String> e : ENV.entrySet()) {
            if (e.getValue().equals(key) && env.get(e.getKey()) != null && !env.get(e.getKey()).isBlank()) {
                return env.get(e.getKey()).trim();
            }
        }
        return admin.getString(key);
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pmip.admin.port (PMIP_ADMIN_PORT) is not a number: '" + text + "'");
        }
    }
}
