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
import org.apache.pekko.actor.typed.ActorSystem;
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

    /** Cluster.leave of the member: its shards hand off to the others, then it shuts down. */
    CompletionStage<HttpResponse> drain(ApiRequest request) {
        String node = request.path("node");
        Cluster cluster = Cluster.get(system);
        Member member = StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
                .filter(m -> ShardingStats.node(m.address()).equals(node) || m.address().toString().equals(node))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("unknown_node", "no cluster member '" + node
                        + "'; members are named host:port as in GET /api/cluster"));
        cluster.manager().tell(Leave.create(member.address()));
        return CompletableFuture.completedFuture(Json.response(202, Json.object(
                "node", ShardingStats.node(member.address()),
                "previousStatus", member.status().toString(),
                "detail", "leaving: its shards hand off to the other members, then the node shuts down")));
    }
}
