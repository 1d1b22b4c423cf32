package io.pmip.lma.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pmip.lma.bulk.BulkGroups;
import io.pmip.lma.bulk.GroupKey;
import io.pmip.lma.signaling.SignalingIngress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * /api/mags: what this LMA knows of each MAG. Bindings come from the read side (cluster-wide); the
 * last PBU this node received from it from the signaling ingress (this node only). The LMA runs no
 * heartbeat state machine of its own yet (it only answers a MAG's Heartbeat requests), so the
 * heartbeat state and the MAG's restart counter are reported as "unknown" rather than guessed.
 */
final class MagsResource {
    static final String UNKNOWN = "unknown";

    /**
     * One MAG. {@code lastSeen}: its latest journaled event; {@code lastPbuHere}: its last PBU to this node;
     * {@code bulkGroups}: only when one MAG is asked for.
     */
    record MagView(String mag, int bindings, int sessions, List<String> mobileNodes, Instant lastSeen,
            Instant lastPbuHere, String transport, String heartbeatState, String restartCounter,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<BulkGroupRow> bulkGroups) {
        MagView {
            mobileNodes = List.copyOf(mobileNodes);
        }

        MagView withBulkGroups(List<BulkGroupRow> groups) {
            return new MagView(mag, bindings, sessions, mobileNodes, lastSeen, lastPbuHere, transport, heartbeatState,
                    restartCounter, List.copyOf(groups));
        }
    }

    /**
     * One RFC 6602 bulk binding update group of the MAG: its members from the read side, its lease
     * from its entity ({@code leaseUntil} null when none was granted or the entity did not answer).
     */
    record BulkGroupRow(long groupId, int members, Instant leaseUntil) {
    }

    private final Optional<BindingIndex> index;
    private final SignalingIngress ingress;
    private final BulkGroups bulkGroups;
    private final Duration askTimeout;

    MagsResource(Optional<BindingIndex> index, SignalingIngress ingress, BulkGroups bulkGroups, Duration askTimeout) {
        this.index = index;
        this.ingress = ingress;
        this.bulkGroups = bulkGroups;
        this.askTimeout = askTimeout;
    }

    CompletionStage<HttpResponse> list(ApiRequest request) {
        return CompletableFuture.completedFuture(Json.ok(Json.object("mags", views())));
    }

    CompletionStage<HttpResponse> get(ApiRequest request) {
        String mag = Filters.mag(request.path("id"));
        MagView view = views().stream().filter(v -> v.mag().equals(mag)).findFirst()
                .orElseThrow(() -> ApiException.notFound("unknown_mag", "no binding, event or PBU from MAG " + mag));
        return bulkGroups(mag).thenApply(groups -> Json.ok(view.withBulkGroups(groups)));
    }

    /** The read side names the groups and counts members; each group's entity tells its lease. */
    private CompletableFuture<List<BulkGroupRow>> bulkGroups(String mag) {
        List<CompletableFuture<BulkGroupRow>> rows = index.map(i -> i.bulkGroups(mag)).orElse(new TreeMap<>())
                .entrySet().stream()
                .map(e -> bulkGroups.view(new GroupKey(mag, e.getKey()), askTimeout).toCompletableFuture()
                        .handle((view, failure) -> new BulkGroupRow(e.getKey(), e.getValue(),
                                failure == null ? view.leaseUntil().orElse(null) : null)))
                .toList();
        return CompletableFuture.allOf(rows.toArray(CompletableFuture[]::new))
                .thenApply(done -> rows.stream().map(CompletableFuture::join).toList());
    }

    List<MagView> views() {
        BindingIndex readSide = index.orElseThrow(() -> ApiException.unavailable("no_read_side",
                "the configured journal has no read journal, so MAGs cannot be listed from the read side"));
        Map<String, SignalingIngress.MagContact> contacts = ingress.magContacts();
        Map<String, BindingIndex.MagRow> rows = new java.util.HashMap<>();
        readSide.mags().forEach(r -> rows.put(r.mag(), r));
        TreeSet<String> all = new TreeSet<>(rows.keySet());
        all.addAll(contacts.keySet());
        return all.stream().map(mag -> {
            Optional<BindingIndex.MagRow> row = Optional.ofNullable(rows.get(mag));
            Optional<SignalingIngress.MagContact> contact = Optional.ofNullable(contacts.get(mag));
            return new MagView(mag,
                    row.map(r -> r.mobileNodes().size()).orElse(0),
                    row.map(BindingIndex.MagRow::sessions).orElse(0),
                    row.map(BindingIndex.MagRow::mobileNodes).orElse(List.of()),
                    row.map(BindingIndex.MagRow::lastSeen).orElse(null),
                    contact.map(SignalingIngress.MagContact::lastSeen).orElse(null),
                    contact.map(c -> c.kind().name()).orElse(null),
                    UNKNOWN, UNKNOWN, null);
        }).toList();
    }
}
