package io.pmip.lma.admin;

import com.typesafe.config.Config;
import io.pmip.lma.BindingShard;
import io.pmip.lma.prefix.PoolLayout;
import io.pmip.lma.prefix.PrefixPoolClient;
import io.pmip.lma.prefix.PrefixPoolEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/** /api/prefix-pools: usage per pool and aggregate, asked of the pool shard entities (they hold the allocations). */
final class PrefixPoolsResource {
    /** One aggregate of a pool. */
    record AggregateUsage(String aggregate, long capacity, long allocated, long free) {
    }

    /** One pool: its prefix length, totals and aggregates. */
    record PoolUsage(String pool, int prefixLength, long capacity, long allocated, long free,
            List<AggregateUsage> aggregates) {
    }

    private final BindingShard shard;
    private final Config pools;

    PrefixPoolsResource(BindingShard shard, Config pools) {
        this.shard = shard;
        this.pools = pools;
    }

    CompletionStage<HttpResponse> list(ApiRequest request) {
        List<CompletableFuture<PoolUsage>> usages = new ArrayList<>();
        new TreeMap<>(shard.pools().byName()).forEach((name, client) -> usages.add(usage(name, client)));
        return CompletableFuture.allOf(usages.toArray(CompletableFuture[]::new))
                .thenApply(done -> Json.ok(Json.object("pools", usages.stream().map(CompletableFuture::join).toList())));
    }

    private CompletableFuture<PoolUsage> usage(String name, PrefixPoolClient client) {
        PoolLayout layout = client.layout();
        List<String> aggregates = pools.getConfig(name).getStringList("aggregates");
        int prefixLength = pools.getConfig(name).hasPath("prefix-length") ? pools.getConfig(name).getInt("prefix-length")
                : 64;
        List<CompletableFuture<PrefixPoolEntity.Usage>> shards = new ArrayList<>();
        for (int s = 0; s < layout.shardCount(); s++) {
            shards.add(client.usage(s).toCompletableFuture());
        }
        return CompletableFuture.allOf(shards.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<Integer, long[]> byAggregate = new TreeMap<>();
            for (int s = 0; s < shards.size(); s++) {
                PrefixPoolEntity.Usage u = shards.get(s).join();
                long[] sums = byAggregate.computeIfAbsent(layout.range(s).aggregate(), a -> new long[2]);
                sums[0] += u.capacity();
                sums[1] += u.allocated();
            }
            List<AggregateUsage> rows = new ArrayList<>();
            byAggregate.forEach((a, sums) -> rows.add(new AggregateUsage(aggregates.get(a), sums[0], sums[1],
                    sums[0] - sums[1])));
            long capacity = rows.stream().mapToLong(AggregateUsage::capacity).sum();
            long allocated = rows.stream().mapToLong(AggregateUsage::allocated).sum();
            return new PoolUsage(name, prefixLength, capacity, allocated, capacity - allocated, rows);
        });
    }
}
