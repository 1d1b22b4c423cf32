package io.pmip.lma.admin;

import io.pmip.lma.BindingEntity;
import io.pmip.lma.prefix.PrefixPoolEntity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.StreamSupport;
import io.pmip.lma.redirect.LoadGossip;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Leave;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/** /api/cluster: members, and shards and entities per node; draining (graceful leave) of a member. */
final class ClusterResource {
    /** One member as the operator sees it. */
    record MemberView(String node, String address, String status, Set<String> roles, String dataCenter,
            boolean reachable, boolean self) {
    }

    private static final Duration LOOKUP_RETRY = Duration.ofMillis(200);

    private final ActorSystem<?> system;
    private final Duration timeout;

    ClusterResource(ActorSystem<?> system, Duration timeout) {
        this.system = system;
        this.timeout = timeout;
    }

    CompletionStage<HttpResponse> cluster(ApiRequest request) {
        List<MemberView> members = members();
        CompletionStage<Map<String, ShardingStats.Region>> bindings = ShardingStats.of(system, BindingEntity.TYPE_KEY,
                timeout);
        CompletionStage<Map<String, ShardingStats.Region>> pools = ShardingStats.of(system, PrefixPoolEntity.TYPE_KEY,
                timeout);
        return bindings.thenCombine(pools, (b, p) -> Json.ok(Json.object(
                "self", ShardingStats.node(Cluster.get(system).selfMember().address()),
                "leader", Optional.ofNullable(Cluster.get(system).state().getLeader()).map(ShardingStats::node)
                        .orElse(null),
                "members", members,
                "sharding", Json.object(
                        BindingEntity.TYPE_KEY.name(), b,
                        PrefixPoolEntity.TYPE_KEY.name(), p))));
    }

    private List<MemberView> members() {
        Cluster cluster = Cluster.get(system);
        ClusterEvent.CurrentClusterState state = cluster.state();
        Member self = cluster.selfMember();
        List<MemberView> views = new ArrayList<>();
        StreamSupport.stream(state.getMembers().spliterator(), false).forEach(m -> views.add(new MemberView(
                ShardingStats.node(m.address()), m.address().toString(), m.status().toString(), m.getRoles(),
                m.dataCenter(), !state.getUnreachable().contains(m), m.equals(self))));
        return views;
    }

    /**
     * Drains the member: it stops being a redirect target, moves the MAGs assigned to it (global
     * revocation, RFC 5846), answers its PBUs in flight, then leaves (its shards hand off to the
     * others) and shuts down. A member without the drain service (not an LMA node) just leaves.
     */
    CompletionStage<HttpResponse> drain(ApiRequest request) {
        String node = request.path("node");
        Cluster cluster = Cluster.get(system);
        Member member = StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
                .filter(m -> ShardingStats.node(m.address()).equals(node) || m.address().toString().equals(node))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("unknown_node", "no cluster member '" + node
                        + "'; members are named host:port as in GET /api/cluster"));
        String name = ShardingStats.node(member.address());
        boolean self = member.equals(cluster.selfMember());
        long deadline = System.nanoTime() + timeout.toNanos();
        return drainService(member, self, deadline).thenApply(gossip -> {
            gossip.ifPresentOrElse(g -> g.tell(new LoadGossip.DrainRequest(name)),
                    () -> cluster.manager().tell(Leave.create(member.address())));
            return Json.response(202, Json.object(
                    "node", name,
                    "previousStatus", member.status().toString(),
                    "detail", gossip.isPresent()
                            ? "draining: no more MAGs are redirected to it, its MAGs are moved, then it leaves and "
                                    + "its shards hand off to the other members"
                            : "leaving: its shards hand off to the other members, then the node shuts down"));
        });
    }

    /**
     * The member's load gossip (its drain service). The receptionist learns of it a moment after
     * the member is Up (locally, and through gossip for others), so an absent entry is looked up
     * again until the deadline rather than taken as a member without one.
     */
    private CompletionStage<Optional<ActorRef<LoadGossip.Command>>> drainService(Member member, boolean self,
            long deadline) {
        CompletionStage<Receptionist.Listing> listing = AskPattern.ask(system.receptionist(),
                (ActorRef<Receptionist.Listing> replyTo) -> Receptionist.find(LoadGossip.KEY, replyTo), timeout,
                system.scheduler());
        return listing.thenCompose(l -> {
            Optional<ActorRef<LoadGossip.Command>> gossip = l.getServiceInstances(LoadGossip.KEY).stream()
                    .filter(ref -> self ? ref.path().address().hasLocalScope()
                            : ref.path().address().equals(member.address()))
                    .findFirst();
            if (gossip.isPresent() || System.nanoTime() + LOOKUP_RETRY.toNanos() > deadline) {
                return CompletableFuture.completedFuture(gossip);
            }
            CompletableFuture<Optional<ActorRef<LoadGossip.Command>>> later = new CompletableFuture<>();
            system.scheduler().scheduleOnce(LOOKUP_RETRY, () -> drainService(member, self, deadline)
                    .whenComplete((r, e) -> {
                        if (e != null) {
                            later.completeExceptionally(e);
                        } else {
                            later.complete(r);
                        }
                    }), system.executionContext());
            return later;
        });
    }
}
