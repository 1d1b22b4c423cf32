package io.pmip.lma.admin;

import io.pmip.lma.BindingShard;
import io.pmip.lma.history.BindingHistory;
import io.pmip.lma.index.BindingDirectory;
import io.pmip.lma.metrics.LmaMetrics;
import io.pmip.lma.peer.MagPeers;
import io.pmip.lma.redirect.LoadView;
import io.pmip.lma.signaling.SignalingIngress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP server of one LMA node (Pekko HTTP): binds {@code pmip.admin.address:port} and
 * unbinds in coordinated shutdown. Listings ask every node's index ({@link BindingDirectory}); event
 * history needs a journal with a read journal.
 *
 * <p>No token configured means no admin API: the node logs an error and runs without it, because an
 * unauthenticated API that can revoke bindings and drain nodes must never be served by accident.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

    private final ServerBinding binding;
    private final AdminApi api;

    private AdminServer(ServerBinding binding, AdminApi api) {
        this.binding = binding;
        this.api = api;
    }

    /**
     * Starts the admin API of a node unless it is disabled or has no token (then empty, with the
     * reason logged).
     *
     * @param env the process environment (PMIP_ADMIN_* override the configuration)
     * @throws IllegalStateException when the address cannot be bound
     */
    public static Optional<AdminServer> startIfConfigured(ActorSystem<?> system, BindingShard shard,
            BindingDirectory directory, SignalingIngress ingress, LmaMetrics metrics, Optional<MagPeers> peers, Optional<LoadView> loads,
            Map<String, String> env) {
        AdminSettings settings = AdminSettings.fromConfig(system.settings().config(), env);
        if (!settings.enabled()) {
            log.info("admin API disabled (pmip.admin.enabled = false)");
            return Optional.empty();
        }
        if (settings.token().isEmpty()) {
            log.error("admin API NOT started: no token configured. Set pmip.admin.token or PMIP_ADMIN_TOKEN "
                    + "(the API is never served without authentication); signaling runs without it.");
            return Optional.empty();
        }
        return Optional.of(start(system, shard, directory, ingress, metrics, peers, loads, settings));
    }

    public static AdminServer start(ActorSystem<?> system, BindingShard shard, BindingDirectory directory,
            SignalingIngress ingress,
            LmaMetrics metrics, Optional<MagPeers> peers, Optional<LoadView> loads, AdminSettings settings) {
        String token = settings.token().orElseThrow(() -> new IllegalArgumentException("no admin token"));
        Optional<String> readJournal = ReadJournals.pluginFor(system.settings().config());
        if (readJournal.isEmpty()) {
            log.warn("journal {} has no read journal: the admin API cannot show event history",
                    system.settings().config().getString("pekko.persistence.journal.plugin"));
        }
        Optional<BindingHistory> history = readJournal.map(id -> BindingHistory.forPlugin(system, id));
        AdminApi api = new AdminApi(new AdminApi.Context(system, shard, directory, ingress, metrics, history,
                settings, peers, loads));
        Router router = new Router(api.endpoints(), token, settings.openHealth(), settings.openMetrics(), metrics);
        ServerBinding binding;
        try {
            binding = Http.get(system).newServerAt(settings.address(), settings.port()).bind(router::handle)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot bind the admin API to " + settings.address() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        AdminServer server = new AdminServer(binding, api);
        CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceUnbind(), "admin-api-unbind", () -> {
            server.close();
            return CompletableFuture.completedFuture(Done.getInstance());
        });
        log.info("admin API on http://{}:{} (event history: {})", binding.localAddress().getHostString(),
                binding.localAddress().getPort(), readJournal.orElse("none"));
        return server;
    }

    public InetSocketAddress address() {
        return binding.localAddress();
    }

    AdminApi api() {
        return api;
    }

    /** Stops accepting requests; idempotent. */
    @Override
    public void close() {
        try {
            binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("admin API unbind: {}", e.toString());
        }
    }
}
