package io.pmip.lma.admin;

import io.pmip.lma.BindingEntity;
import io.pmip.lma.index.BindingIndex;
import io.pmip.lma.metrics.JournalWriteTimes;
import io.pmip.lma.metrics.LmaMetrics;
import io.pmip.lma.metrics.MetricKey;
import io.pmip.lma.metrics.MetricsSnapshot;
import io.pmip.lma.peer.PathState;
import io.pmip.lma.signaling.SignalingIngress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * /metrics: {@link LmaMetrics} and the node's gauges in the Prometheus text format. Counter names of
 * LmaMetrics map to Prometheus names in {@link #COUNTERS}; a counter not listed there is still
 * exported, as {@code pmip_<name>_total}. Journal write latency comes from {@link JournalWriteTimes},
 * shard movements from {@link ShardMovements}.
 */
final class MetricsExporter {
    /** Upper bounds of the PBA latency histogram, in seconds. */
    static final double[] LATENCY_BUCKETS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
        0.25, 0.5, 1, 2.5, 5, 10};

    /** An LmaMetrics counter as a Prometheus family. */
    record Counter(String name, String help) {
    }

    static final Map<String, Counter> COUNTERS = counters();

    private static Map<String, Counter> counters() {
        Map<String, Counter> m = new LinkedHashMap<>();
        m.put("received", new Counter("pmip_messages_received_total", "Mobility Header messages received, by MH type."));
        m.put("sent", new Counter("pmip_messages_sent_total",
                "Mobility Header messages sent, by MH type and status (for a BRI: its revocation trigger)."));
        m.put("send_failed", new Counter("pmip_messages_send_failed_total",
                "Messages the transport refused to send (queue full or closed), by MH type."));
        m.put("malformed", new Counter("pmip_malformed_messages_total",
                "Datagrams dropped as malformed, by the decode rule they broke."));
        m.put("decode_warning", new Counter("pmip_decode_warnings_total",
                "Messages accepted with a tolerated irregularity, by decode rule."));
        m.put("rejected", new Counter("pmip_pbu_rejected_total",
                "PBUs answered with a rejection, by stage (reason; unauthorized_mag = MAG not authorized) and status."));
        m.put("dropped", new Counter("pmip_messages_dropped_total", "Datagrams dropped without an answer, by reason."));
        m.put("ignored", new Counter("pmip_pbu_ignored_total", "PBUs deliberately left unanswered, by reason."));
        m.put("entity_timeout", new Counter("pmip_entity_timeouts_total",
                "PBUs whose binding entity did not answer in time."));
        m.put("entity_failure", new Counter("pmip_entity_failures_total", "PBUs whose binding entity failed."));
        m.put("admin_unauthorized", new Counter("pmip_admin_unauthorized_total",
                "Admin API requests refused with 401, by reason."));
        m.put("revocation_sent", new Counter("pmip_revocations_sent_total",
                "Binding Revocation Indications sent to MAGs (RFC 5846)."));
        m.put("revocation", new Counter("pmip_revocations_total",
                "Binding Revocation Indications sent, by flavour: mn (one mobile node), bulk (several MN-IDs), "
                        + "mag (global, every binding of a MAG; also when a draining node moves its MAGs)."));
        m.put("redirect", new Counter("pmip_redirects_total",
                "PBAs that named another LMA in a Redirect option (RFC 6463 runtime LMA assignment)."));
        m.put("revocation_ack", new Counter("pmip_revocation_acks_total",
                "Binding Revocation Acknowledgements received for this node's indications, by status."));
        m.put("revocation_ack_relayed", new Counter("pmip_revocation_acks_relayed_total",
                "Binding Revocation Acknowledgements that reached a node other than the indication's sender, "
                        + "by outcome: published (to the other nodes), matched (by the sender, here)."));
        m.put("revocation_timeout", new Counter("pmip_revocation_timeouts_total",
                "Binding Revocation Indications not acknowledged in time."));
        m.put("bulk", new Counter("pmip_bulk_updates_total",
                "RFC 6602 bulk PBUs answered by a group, by kind (refresh, deregistration) and status."));
        m.put("revocation_not_sent", new Counter("pmip_revocations_not_sent_total",
                "Binding Revocation Indications that could not be sent (no transport, queue full)."));
        m.put("heartbeat_path_down", new Counter("pmip_heartbeat_path_down_total",
                "MAGs declared DOWN after MISSING_HEARTBEATS_ALLOWED unanswered Heartbeat requests (RFC 5847 3.1)."));
        m.put("mag_restart_detected", new Counter("pmip_mag_restarts_detected_total",
                "MAG restarts detected from a changed Restart Counter in a Heartbeat response (RFC 5847)."));
        m.put("mag_restart_sessions_removed", new Counter("pmip_mag_restart_sessions_removed_total",
                "Mobility sessions removed because their MAG restarted and lost them (RFC 5847)."));
        m.put("mag_restart_cleanup_failed", new Counter("pmip_mag_restart_cleanups_failed_total",
                "Restarted MAGs whose stale sessions could not all be removed (left to expire)."));
        m.put("drain_sessions_ended", new Counter("pmip_drain_sessions_ended_total",
                "Mobility sessions ended because a draining node revoked their MAG to move it (RFC 5846)."));
        return Map.copyOf(m);
    }

    private final ActorSystem<?> system;
    private final LmaMetrics metrics;
    private final SignalingIngress ingress;
    /** The sessions of the bindings this node hosts. */
    private final BindingIndex hosted;
    private final Duration timeout;
    private final ShardMovements shardMovements;
    private final LongSupplier bulkGroupsHere;

    MetricsExporter(ActorSystem<?> system, LmaMetrics metrics, SignalingIngress ingress, BindingIndex hosted,
            Duration timeout, LongSupplier bulkGroupsHere) {
        this.bulkGroupsHere = bulkGroupsHere;
        this.system = system;
        this.metrics = metrics;
        this.ingress = ingress;
        this.hosted = hosted;
        this.timeout = timeout;
        this.shardMovements = ShardMovements.get(system);
    }

    CompletionStage<HttpResponse> scrape(ApiRequest request) {
        // Entity counts come from sharding; a scrape still answers (without them) when sharding does not.
        CompletableFuture<Optional<Map<String, ShardingStats.Region>>> regions = ShardingStats
                .of(system, BindingEntity.TYPE_KEY, timeout).toCompletableFuture()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((r, failure) -> failure == null ? Optional.of(r) : Optional.empty());
        return regions.thenApply(r -> {
            ContentType type = ContentTypes.parse(PrometheusText.CONTENT_TYPE);
            return HttpResponse.create().withEntity(HttpEntities.create(type, render(metrics.snapshot(), r).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        });
    }

    String render(MetricsSnapshot snapshot, Optional<Map<String, ShardingStats.Region>> regions) {
        PrometheusText text = new PrometheusText();
        Map<String, List<PrometheusText.Sample>> byName = new TreeMap<>();
        snapshot.counters().forEach((key, value) -> byName.computeIfAbsent(key.name(), k -> new ArrayList<>())
                .add(PrometheusText.Sample.of(labels(key), value)));
        TreeSet<String> names = new TreeSet<>(COUNTERS.keySet());
        names.addAll(byName.keySet());
        for (String name : names) {
            Counter c = COUNTERS.getOrDefault(name, new Counter("pmip_" + sanitize(name) + "_total",
                    "LmaMetrics counter " + name + "."));
            List<PrometheusText.Sample> samples = byName.getOrDefault(name, List.of());
            if (samples.isEmpty() && !hasLabels(name)) {
                samples = List.of(PrometheusText.Sample.of(0));
            }
            samples = new ArrayList<>(samples);
            samples.sort(java.util.Comparator.comparing(s -> s.labels().toString()));
            text.family(c.name(), "counter", c.help(), samples);
        }
        histogram(text, "pmip_pba_latency_seconds", "PBU received to PBA sent, in seconds.", snapshot.pbaLatency());
        histogram(text, "pmip_journal_write_seconds",
                "Journal plugin writes of binding events, call to completion, in seconds.",
                JournalWriteTimes.get(system).snapshot());
        text.family("pmip_shard_rebalances_total", "counter", "Binding shards handed off from this node (direction out) "
                + "and started on it (in: rebalanced here or first allocated), since the admin API started.",
                List.of(PrometheusText.Sample.of(Map.of("direction", "in"), shardMovements.in()),
                        PrometheusText.Sample.of(Map.of("direction", "out"), shardMovements.out())));
        text.family("pmip_pbu_in_flight", "gauge", "PBUs handed to binding entities and not answered yet.",
                List.of(PrometheusText.Sample.of(ingress.inFlight())));
        // Per node, like every other family here: the cluster's figure is the sum over its nodes.
        text.family("pmip_bindings", "gauge",
                "Mobile nodes with at least one mobility session whose binding entity runs on this node.",
                List.of(PrometheusText.Sample.of(hosted.bindingCount())));
        text.family("pmip_sessions", "gauge", "Mobility sessions of the binding entities running on this node.",
                List.of(PrometheusText.Sample.of(hosted.sessionCount())));
        text.family("pmip_binding_index_updates_total", "counter",
                "Updates of this node's binding index by its entities (events applied, recoveries, stops).",
                List.of(PrometheusText.Sample.of(hosted.updates())));
        heartbeatPeers(text, metrics.heartbeatPeersByState());
        regions.ifPresent(r -> {
            List<PrometheusText.Sample> entities = new ArrayList<>();
            List<PrometheusText.Sample> shards = new ArrayList<>();
            r.forEach((node, region) -> {
                entities.add(PrometheusText.Sample.of(Map.of("node", node), region.entities()));
                shards.add(PrometheusText.Sample.of(Map.of("node", node), region.shards()));
            });
            text.family("pmip_binding_entities", "gauge", "Binding entities (mobile nodes) running, per cluster node.",
                    entities);
            text.family("pmip_binding_shards", "gauge", "Binding shards hosted, per cluster node.", shards);
        });
        text.family("pmip_bulk_groups", "gauge", "RFC 6602 bulk binding update groups whose entity runs on this node.",
                List.of(PrometheusText.Sample.of(bulkGroupsHere.getAsLong())));
        return text.text();
    }

    /** RFC 5847 peers this node heartbeats, by path state; every state listed, 0 included. */
    private static void heartbeatPeers(PrometheusText text, Map<String, Long> byState) {
        List<PrometheusText.Sample> samples = new ArrayList<>();
        for (PathState state : PathState.values()) {
            samples.add(PrometheusText.Sample.of(Map.of("state", state.label()), byState.getOrDefault(state.label(), 0L)));
        }
        text.family("pmip_heartbeat_peers", "gauge",
                "MAGs this node sends RFC 5847 Heartbeat requests to, by path state (sum over nodes: the cluster).",
                samples);
    }

    /** An HdrHistogram of microseconds as a Prometheus histogram with fixed second buckets. */
    private static void histogram(PrometheusText text, String name, String help, Histogram h) {
        List<PrometheusText.Sample> samples = new ArrayList<>();
        for (double bound : LATENCY_BUCKETS) {
            long micros = (long) Math.round(bound * 1_000_000);
            long count = h.getTotalCount() == 0 ? 0 : h.getCountBetweenValues(0, micros);
            samples.add(new PrometheusText.Sample("_bucket", Map.of("le", PrometheusText.format(bound)), count));
        }
        samples.add(new PrometheusText.Sample("_bucket", Map.of("le", "+Inf"), h.getTotalCount()));
        double sumMicros = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            sumMicros += (double) h.medianEquivalentValue(v.getValueIteratedTo()) * v.getCountAtValueIteratedTo();
        }
        samples.add(new PrometheusText.Sample("_sum", Map.of(), sumMicros / 1_000_000));
        samples.add(new PrometheusText.Sample("_count", Map.of(), h.getTotalCount()));
        text.family(name, "histogram", help, samples);
    }

    private static Map<String, String> labels(MetricKey key) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : key.labels()) {
            int eq = pair.indexOf('=');
            labels.put(sanitize(pair.substring(0, eq)), pair.substring(eq + 1));
        }
        return labels;
    }

    private static boolean hasLabels(String name) {
        return switch (name) {
            case "entity_timeout", "entity_failure", "revocation_sent", "revocation_timeout", "revocation_not_sent",
                    "heartbeat_path_down", "mag_restart_detected", "mag_restart_sessions_removed",
                    "mag_restart_cleanup_failed", "drain_sessions_ended", "redirect" -> false;
            default -> true;
        };
    }

    private static String sanitize(String name) {
        return name.replaceAll("[^a-zA-Z0-9_]", "_");
    }
}
