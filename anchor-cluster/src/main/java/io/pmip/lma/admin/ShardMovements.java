package io.pmip.lma.admin;

import io.pmip.lma.BindingEntity;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * Shards of one entity type arriving on and leaving this node, counted by polling the local
 * region's state (Cluster Sharding publishes no rebalance events). A shard stops on a node only when
 * it is handed off (a rebalance or a drain), so {@code out} counts rebalances away exactly; {@code in}
 * counts every shard started here after the first poll: rebalances onto this node and first
 * allocations alike. A shard that moves away and back between two polls is not seen.
 *
 * <p>An extension of the actor system, for the binding entities: polling starts with the first
 * {@link #get} (the admin API's {@code /metrics}) and ends with the system.
 */
final class ShardMovements implements Extension {
    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    /** What changed between two polls. */
    record Change(int in, int out) {
        static Change between(Set<String> before, Set<String> now) {
            Set<String> arrived = new HashSet<>(now);
            arrived.removeAll(before);
            Set<String> left = new HashSet<>(before);
            left.removeAll(now);
            return new Change(arrived.size(), left.size());
        }
    }

    private final AtomicLong in = new AtomicLong();
    private final AtomicLong out = new AtomicLong();
    private Optional<Set<String>> known = Optional.empty();

    private ShardMovements(ActorSystem<?> system, EntityTypeKey<?> type) {
        system.scheduler().scheduleWithFixedDelay(POLL_INTERVAL, POLL_INTERVAL,
                () -> AskPattern.ask(ClusterSharding.get(system).shardState(),
                                (ActorRef<ShardRegion.CurrentShardRegionState> replyTo) ->
                                        new GetShardRegionState(type, replyTo), POLL_INTERVAL, system.scheduler())
                        // a poll that fails (region not started, timeout) leaves the counts as they were
                        .thenAccept(state -> observe(state.getShards().stream().map(ShardRegion.ShardState::shardId)
                                .collect(Collectors.toSet()))),
                system.executionContext());
    }

    private static final ExtensionId<ShardMovements> ID = new ExtensionId<>() {
        @Override
        public ShardMovements createExtension(ActorSystem<?> system) {
            return new ShardMovements(system, BindingEntity.TYPE_KEY);
        }
    };

    static ShardMovements get(ActorSystem<?> system) {
        return system.registerExtension(ID);
    }

    private synchronized void observe(Set<String> shards) {
        known.ifPresent(before -> {
            Change change = Change.between(before, shards);
            in.addAndGet(change.in());
            out.addAndGet(change.out());
        });
        known = Optional.of(Set.copyOf(shards));
    }

    long in() {
        return in.get();
    }

    long out() {
        return out.get();
    }
}
