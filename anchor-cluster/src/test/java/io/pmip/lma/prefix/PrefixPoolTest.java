package io.pmip.lma.prefix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.pmip.lma.TestConfigs;
import io.pmip.protocol.Ipv6Prefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrefixPoolTest {
    /** 256 /64s over 8 shards of 32: small enough to fill, so spilling between shards is exercised. */
    private static final String POOLS = """
            small { aggregates = ["2001:db8:300::/56"], prefix-length = 64, shards-per-aggregate = 8 }
            idem { aggregates = ["2001:db8:400::/56"], prefix-length = 64, shards-per-aggregate = 8 }
            reuse { aggregates = ["2001:db8:500::/62"], prefix-length = 64 }
            """;

    private ActorTestKit kit;
    private LocalPrefixPools local;

    @BeforeAll
    void start() {
        kit = ActorTestKit.create("prefix-pool-test", TestConfigs.actorSystem());
        local = new LocalPrefixPools(kit, ConfigFactory.parseString(POOLS));
    }

    @AfterAll
    void stop() {
        kit.shutdownTestKit();
    }

    private static Optional<Ipv6Prefix> get(java.util.concurrent.CompletionStage<Optional<Ipv6Prefix>> s) throws Exception {
        return s.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void concurrentAllocationsFromManyHoldersNeverShareAPrefixAndFillThePoolExactly() throws Exception {
        PrefixPoolClient pool = local.client("small");
        List<CompletableFuture<Optional<Ipv6Prefix>>> asks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            asks.add(pool.allocate("mn" + i + "@example/if-0").toCompletableFuture());
        }
        CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        Map<Ipv6Prefix, Integer> owners = new HashMap<>();
        int exhausted = 0;
        for (int i = 0; i < asks.size(); i++) {
            Optional<Ipv6Prefix> p = asks.get(i).get();
            if (p.isEmpty()) {
                exhausted++;
                continue;
            }
            Integer previous = owners.put(p.get(), i);
            assertEquals(null, previous, p.get() + " given to holders " + previous + " and " + i);
            assertTrue(Ipv6Prefix.parse("2001:db8:300::/56").contains(p.get()));
        }
        assertEquals(256, owners.size(), "every prefix of the pool is used");
        assertEquals(44, exhausted, "the rest are told the pool is exhausted");
    }

    @Test
    void allocationIsIdempotentPerHolderEvenWhenSpilledAndAfterFailover() throws Exception {
        PrefixPoolClient pool = local.client("idem");
        Map<String, Ipv6Prefix> first = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            first.put("h" + i, get(pool.allocate("h" + i)).orElseThrow());
        }
        assertEquals(200, new HashSet<>(first.values()).size());
        for (Map.Entry<String, Ipv6Prefix> e : first.entrySet()) {
            assertEquals(e.getValue(), get(pool.allocate(e.getKey())).orElseThrow(), "same holder, same prefix");
        }
        local.crashAll();
        for (Map.Entry<String, Ipv6Prefix> e : first.entrySet()) {
            assertEquals(e.getValue(), get(pool.allocate(e.getKey())).orElseThrow(), "recovered from the journal");
        }
        Ipv6Prefix fresh = get(pool.allocate("newcomer")).orElseThrow();
        assertFalse(first.containsValue(fresh), "recovery does not hand out a held prefix");
    }

    @Test
    void aReleasedPrefixReturnsToThePoolAndOnlyItsHolderCanReleaseIt() throws Exception {
        PrefixPoolClient pool = local.client("reuse");
        List<Ipv6Prefix> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(get(pool.allocate("r" + i)).orElseThrow());
        }
        assertTrue(get(pool.allocate("r4")).isEmpty(), "exhausted");
        pool.release("somebody-else", all.get(2));
        assertTrue(get(pool.allocate("r5")).isEmpty(), "a release by a non-holder frees nothing");
        pool.release("r2", all.get(2));
        pool.release("r2", all.get(2));
        assertEquals(all.get(2), get(pool.allocate("r6")).orElseThrow(), "released once, reused once");
        assertTrue(get(pool.allocate("r7")).isEmpty());
        assertEquals(4L, pool.usage(0).toCompletableFuture().get(5, TimeUnit.SECONDS).allocated());
        assertNotEquals(all.get(0), all.get(1));
    }
}
