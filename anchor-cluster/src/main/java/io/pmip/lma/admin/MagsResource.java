package io.pmip.lma.admin;

import io.pmip.lma.peer.MagPeers;
import io.pmip.lma.peer.PeerStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.pmip.lma.bulk.BulkGroups;
import io.pmip.lma.bulk.GroupKey;
import io.pmip.lma.index.BindingDirectory;
import io.pmip.lma.index.BindingIndex;
import io.pmip.lma.redirect.NodeLoad;
import io.pmip.lma.signaling.SignalingIngress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * /api/mags: what this LMA knows of each MAG. Bindings come from every node's index (cluster-wide); the
 * last PBU this node received from it from the signaling ingress (this node only); the heartbeat path
 * state and the MAG's Restart Counter from its RFC 5847 peer entity, wherever in the cluster it runs
 * ("disabled" when heartbeats are off, "unknown" when the peer does not answer in time).
 */
final class MagsResource {
    static final String UNKNOWN = "unknown";
    static final String DISABLED = "disabled";

    /**
     * One MAG. {@code lastSeen}: its latest journaled event; {@code lastPbuHere}: its last PBU to this node;
     * {@code heartbeatState}: up, down, unknown or disabled; the heartbeat fields are null when not known;
     * {@code lmaAddress}: the LMA address of its latest registration; {@code assignedNode}: the cluster
     * node whose own unicast address that is (RFC 6463 runtime assignment), null when the MAG signals
     * the shared anycast address and is served wherever its PBUs land;
     * {@code bulkGroups}: only when one MAG is asked for.
     */
    record MagView(String mag, int bindings, int sessions, List<String> mobileNodes, Instant lastSeen,
            Instant lastPbuHere, String transport, String heartbeatState, Long restartCounter,
            Instant lastHeartbeat, Integer missedHeartbeats, String lmaAddress, String assignedNode,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<BulkGroupRow> bulkGroups) {
        MagView {
            mobileNodes = List.copyOf(mobileNodes);
        }

        MagView withBulkGroups(List<BulkGroupRow> groups) {
            return new MagView(mag, bindings, sessions, mobileNodes, lastSeen, lastPbuHere, transport, heartbeatState,
                    restartCounter, lastHeartbeat, missedHeartbeats, lmaAddress, assignedNode, List.copyOf(groups));
        }
    }

    /**
     * One RFC 6602 bulk binding update group of the MAG: its members from the nodes' indexes, its lease
     * from its entity ({@code leaseUntil} null when none was granted or the entity did not answer).
     */
    record BulkGroupRow(long groupId, int members, Instant leaseUntil) {
    }

    private final BindingDirectory directory;
    private final SignalingIngress ingress;
    private final Optional<MagPeers> peers;
    private final BulkGroups bulkGroups;
    private final Supplier<List<NodeLoad>> nodes;
    private final Duration timeout;

    MagsResource(BindingDirectory directory, SignalingIngress ingress, Optional<MagPeers> peers,
            BulkGroups bulkGroups, Supplier<List<NodeLoad>> nodes, Duration timeout) {
        this.nodes = nodes;
        this.directory = directory;
        this.ingress = ingress;
        this.peers = peers;
        this.bulkGroups = bulkGroups;
        this.timeout = timeout;
    }

    CompletionStage<HttpResponse> list(ApiRequest request) {
        // unansweredNodes: cluster nodes that did not answer; the bindings they host are missing from the counts
        return views(Optional.empty()).thenApply(views -> Json.ok(Json.object("mags", views.value(),
                "unansweredNodes", views.unanswered())));
    }

    CompletionStage<HttpResponse> get(ApiRequest request) {
        String mag = Filters.mag(request.path("id"));
        return views(Optional.of(mag)).thenCompose(views -> {
            MagView view = views.value().stream().findFirst()
                    .orElseThrow(() -> ApiException.notFound("unknown_mag", "no binding, event or PBU from MAG " + mag));
            return bulkGroups(mag).thenApply(groups -> Json.ok(view.withBulkGroups(groups)));
        });
    }

    /** The nodes' indexes name the groups and count members; each group's entity tells its lease. */
    private CompletionStage<List<BulkGroupRow>> bulkGroups(String mag) {
        return directory.bulkGroups(mag, timeout).thenCompose(groups -> {
            List<CompletableFuture<BulkGroupRow>> rows = groups.value().entrySet().stream()
                    .map(e -> bulkGroups.view(new GroupKey(mag, e.getKey()), timeout).toCompletableFuture()
                            .handle((view, failure) -> new BulkGroupRow(e.getKey(), e.getValue(),
                                    failure == null ? view.leaseUntil().orElse(null) : null)))
                    .toList();
            return CompletableFuture.allOf(rows.toArray(CompletableFuture[]::new))
                    .thenApply(done -> rows.stream().map(CompletableFuture::join).toList());
        });
    }

    /** Every MAG, or only {@code only}; peer entities are asked only about the MAGs listed. */
    CompletionStage<BindingDirectory.Answers<List<MagView>>> views(Optional<String> only) {
        return directory.mags(timeout).thenCompose(known -> views(only, known.value())
                .thenApply(views -> new BindingDirectory.Answers<>(views, known.unanswered())));
    }

    private CompletionStage<List<MagView>> views(Optional<String> only, List<BindingIndex.MagRow> known) {
        Map<String, SignalingIngress.MagContact> contacts = ingress.magContacts();
        Map<String, BindingIndex.MagRow> rows = new java.util.HashMap<>();
        known.forEach(r -> rows.put(r.mag(), r));
        TreeSet<String> all = new TreeSet<>(rows.keySet());
        all.addAll(contacts.keySet());
        only.ifPresent(mag -> all.retainAll(Set.of(mag)));
        List<CompletableFuture<MagView>> views = all.stream().map(mag -> heartbeat(mag).thenApply(peer -> {
            Optional<BindingIndex.MagRow> row = Optional.ofNullable(rows.get(mag));
            Optional<SignalingIngress.MagContact> contact = Optional.ofNullable(contacts.get(mag));
            return new MagView(mag,
                    row.map(r -> r.mobileNodes().size()).orElse(0),
                    row.map(BindingIndex.MagRow::sessions).orElse(0),
                    row.map(BindingIndex.MagRow::mobileNodes).orElse(List.of()),
                    row.map(BindingIndex.MagRow::lastSeen).orElse(null),
                    contact.map(SignalingIngress.MagContact::lastSeen).orElse(null),
                    contact.map(c -> c.kind().name()).orElse(null),
                    peer.map(p -> p.state().label()).orElse(peers.isPresent() ? UNKNOWN : DISABLED),
                    peer.filter(p -> p.restartCounter().isPresent()).map(p -> p.restartCounter().getAsLong())
                            .orElse(null),
                    peer.flatMap(PeerStatus::lastHeartbeat).orElse(null),
                    peer.map(PeerStatus::missed).orElse(null),
                    row.flatMap(BindingIndex.MagRow::lmaAddress).orElse(null),
                    row.flatMap(BindingIndex.MagRow::lmaAddress).flatMap(a -> assignedNode(a, nodes.get()))
                            .orElse(null),
                    null);
        }).toCompletableFuture()).toList();
        return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new))
                .thenApply(done -> views.stream().map(CompletableFuture::join).toList());
    }

    /** The node that owns {@code lmaAddress} as its unicast LMA address, by the loads the nodes publish. */
    static Optional<String> assignedNode(String lmaAddress, List<NodeLoad> live) {
        return live.stream().filter(n -> lmaAddress.equals(n.unicastUdp()) || lmaAddress.equals(n.unicastMh()))
                .map(NodeLoad::node).findFirst();
    }

    /** The MAG's peer state; empty when heartbeats are off or its entity does not answer in time. */
    private CompletionStage<Optional<PeerStatus>> heartbeat(String mag) {
        if (peers.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return peers.get().status(mag, timeout).handle((status, failure) -> Optional.ofNullable(status));
    }
}
