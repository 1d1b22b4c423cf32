package io.pmip.lma.admin;

import static io.pmip.lma.admin.Endpoint.Access.HEALTH;
import static io.pmip.lma.admin.Endpoint.Access.METRICS;
import static io.pmip.lma.admin.Endpoint.Access.TOKEN;

import io.pmip.lma.BindingShard;
import io.pmip.lma.history.BindingHistory;
import io.pmip.lma.index.BindingDirectory;
import io.pmip.lma.index.HostedBindings;
import io.pmip.lma.metrics.LmaMetrics;
import io.pmip.lma.peer.MagPeers;
import io.pmip.lma.redirect.LoadView;
import io.pmip.lma.signaling.SignalingIngress;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * The admin API's routes: every {@link Endpoint} with its handler. The router is built from
 * {@link #endpoints()}, and a test checks each appears in {@code /api/openapi.yaml} (the resource
 * {@link #OPENAPI_RESOURCE}), so the document cannot silently miss a route.
 */
public final class AdminApi {
    public static final String OPENAPI_RESOURCE = "io/pmip/lma/admin/openapi.yaml";

    private final List<Endpoint> endpoints;

    /** Everything the handlers read: the node's actor system, entities, the cluster's bindings, signaling. */
    public record Context(ActorSystem<?> system, BindingShard shard, BindingDirectory directory,
            SignalingIngress ingress, LmaMetrics metrics, Optional<BindingHistory> history, AdminSettings settings,
            Optional<MagPeers> peers, Optional<LoadView> loads) {
        /** Without MAG peers (heartbeats off) and without the cluster's load view. */
        public Context(ActorSystem<?> system, BindingShard shard, BindingDirectory directory,
                SignalingIngress ingress, LmaMetrics metrics, Optional<BindingHistory> history,
                AdminSettings settings) {
            this(system, shard, directory, ingress, metrics, history, settings, Optional.empty(), Optional.empty());
        }
    }

    public AdminApi(Context c) {
        Revocation revocation = new Revocation(c.ingress(), c.metrics(), c.settings().revocationTimeout());
        BindingsResource bindings = new BindingsResource(c.directory(), c.history(), c.shard(), revocation,
                c.settings().askTimeout(), c.settings().maxPageSize());
        MagRevocationResource magRevocation = new MagRevocationResource(c.directory(),
                new io.pmip.lma.MagSessions(c.system(), c.shard(), c.settings().askTimeout()), revocation,
                c.settings().askTimeout());
        MagsResource mags = new MagsResource(c.directory(), c.ingress(), c.peers(), c.shard().bulkGroups(),
                () -> c.loads().map(LoadView::live).orElse(List.of()),
                c.settings().askTimeout());
        ClusterResource cluster = new ClusterResource(c.system(), c.settings().askTimeout());
        PrefixPoolsResource pools = new PrefixPoolsResource(c.shard(),
                c.system().settings().config().getConfig("pmip.lma.prefix-pools"));
        HealthResource health = new HealthResource(c.system(), c.history(), c.settings().askTimeout());
        MetricsExporter metrics = new MetricsExporter(c.system(), c.metrics(), c.ingress(),
                HostedBindings.of(c.system()),
                c.settings().askTimeout(), c.shard().bulkGroups()::existingHere);
        this.endpoints = List.of(
                new Endpoint("GET", "/health/alive", HEALTH, health::alive),
                new Endpoint("GET", "/health/ready", HEALTH, health::ready),
                new Endpoint("GET", "/metrics", METRICS, metrics::scrape),
                new Endpoint("GET", "/api/openapi.yaml", TOKEN, r -> CompletableFuture.completedFuture(openApi())),
                new Endpoint("GET", "/api/bindings", TOKEN, bindings::list),
                new Endpoint("GET", "/api/bindings/{mnId}", TOKEN, bindings::get),
                new Endpoint("DELETE", "/api/bindings/{mnId}", TOKEN, bindings::revoke),
                new Endpoint("GET", "/api/bindings/{mnId}/events", TOKEN, bindings::events),
                new Endpoint("GET", "/api/mags", TOKEN, mags::list),
                new Endpoint("GET", "/api/mags/{id}", TOKEN, mags::get),
                new Endpoint("DELETE", "/api/mags/{id}/bindings", TOKEN, magRevocation::revoke),
                new Endpoint("GET", "/api/cluster", TOKEN, cluster::cluster),
                new Endpoint("POST", "/api/cluster/nodes/{node}/drain", TOKEN, cluster::drain),
                new Endpoint("GET", "/api/prefix-pools", TOKEN, pools::list));
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** The OpenAPI 3 document, as written by hand next to this class. */
    public static String openApiText() {
        try (InputStream in = AdminApi.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + OPENAPI_RESOURCE, e);
        }
    }

    private static HttpResponse openApi() {
        return HttpResponse.create().withEntity(HttpEntities.create(
                ContentTypes.parse("application/yaml"), openApiText().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
