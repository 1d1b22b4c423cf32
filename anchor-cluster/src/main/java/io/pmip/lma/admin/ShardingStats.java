package io.pmip.lma.admin;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** Shards and entities per node of one entity type, from Cluster Sharding's GetClusterShardingStats. */
final class ShardingStats {
    /**
     * One node's region: its shards, the entities in them, shards that did not answer in time, and
     * the ids of its shards (a client maps a mobile node to its shard with the entity's shard id).
     */
    record Region(int shards, long entities, int failedShards, java.util.SortedSet<String> shardIds) {
    }

    private ShardingStats() {
    }

    /** By node ({@code host:port}), sorted. */
    static CompletionStage<Map<String, Region>> of(ActorSystem<?> system, EntityTypeKey<?> type, Duration timeout) {
        ActorRef<org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery> shardState =
                ClusterSharding.get(system).shardState();
        CompletionStage<ShardRegion.ClusterShardingStats> stats = AskPattern.ask(shardState,
                (ActorRef<ShardRegion.ClusterShardingStats> replyTo) -> new GetClusterShardingStats(type, timeout,
                        replyTo),
                timeout.plusSeconds(1), system.scheduler());
        return stats.thenApply(s -> {
            Map<String, Region> byNode = new TreeMap<>();
            s.getRegions().forEach((address, region) -> byNode.put(node(address), new Region(
                    region.getStats().size(),
                    region.getStats().values().stream().mapToLong(v -> ((Number) v).longValue()).sum(),
                    region.getFailed().size(), new java.util.TreeSet<>(region.getStats().keySet()))));
            return byNode;
        });
    }

    static String node(Address address) {
        return address.host().getOrElse(() -> "?") + ":" + address.port().getOrElse(() -> 0);
    }
}
