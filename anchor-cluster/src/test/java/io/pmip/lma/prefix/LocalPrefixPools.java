package io.pmip.lma.prefix;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.SupervisorStrategy;

/**
 * Real pool entities, each spawned as a plain actor on first use instead of through sharding: the
 * same single writer per shard, without a cluster.
 */
public final class LocalPrefixPools {
    private final ActorTestKit kit;
    private final Map<String, ActorRef<PrefixPoolEntity.Command>> spawned = new ConcurrentHashMap<>();
    private final PrefixPools pools;

    public LocalPrefixPools(ActorTestKit kit, Config poolsConfig) {
        this.kit = kit;
        Map<String, PrefixPoolClient> clients = new HashMap<>();
        for (String name : poolsConfig.root().keySet()) {
            PoolLayout layout = PoolLayout.fromConfig(name, poolsConfig.getConfig(name));
            clients.put(name, new PrefixPoolClient(layout, shard -> ref(layout, shard), kit.system().scheduler(),
                    Duration.ofSeconds(3)));
        }
        this.pools = new PrefixPools(clients);
    }

    public PrefixPools pools() {
        return pools;
    }

    public PrefixPoolClient client(String name) {
        return pools.pool(name).orElseThrow();
    }

    private ActorRef<PrefixPoolEntity.Command> ref(PoolLayout layout, int shard) {
        return spawned.computeIfAbsent(layout.entityId(shard), id -> kit.spawn(
                PrefixPoolEntity.create(PrefixPoolEntity.persistenceId(layout, shard), layout, shard, 5,
                        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(50), Duration.ofSeconds(1), 0.2))));
    }

    /** Stops every shard actor; the next use recovers them from the journal, as after a failover. */
    public void crashAll() {
        spawned.values().forEach(ref -> kit.stop(ref, Duration.ofSeconds(3)));
        spawned.clear();
    }
}
