package io.pmip.lma.prefix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.protocol.Ipv6Prefix;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PoolLayoutTest {

    @Test
    void aSlash32IsSplitInto256ShardsOfSlash64sThatCoverItExactly() {
        PoolLayout layout = new PoolLayout("p", List.of(Ipv6Prefix.parse("2001:db8::/32")), 64, 256);
        assertEquals(256, layout.shardCount());
        assertEquals(1L << 32, layout.capacity());
        assertEquals(Ipv6Prefix.parse("2001:db8::/64"), layout.prefixAt(0, 0));
        assertEquals(Ipv6Prefix.parse("2001:db8:ffff:ffff::/64"), layout.prefixAt(255, (1L << 24) - 1));
        assertEquals(Ipv6Prefix.parse("2001:db8:100::/64"), layout.prefixAt(1, 0));
    }

    @Test
    void everyPrefixIsLocatedInTheShardThatHandsItOut() {
        PoolLayout layout = new PoolLayout("p", List.of(Ipv6Prefix.parse("2001:db8:1::/56"),
                Ipv6Prefix.parse("2001:db8:2::/60")), 64, 7);
        Set<Ipv6Prefix> seen = new HashSet<>();
        for (int s = 0; s < layout.shardCount(); s++) {
            for (long o = 0; o < layout.range(s).size(); o++) {
                Ipv6Prefix p = layout.prefixAt(s, o);
                assertTrue(seen.add(p), "sub-ranges never overlap: " + p);
                long[] at = layout.locate(p).orElseThrow();
                assertEquals(s, at[0]);
                assertEquals(o, at[1]);
            }
        }
        assertEquals(256 + 16, seen.size());
        assertTrue(layout.locate(Ipv6Prefix.parse("2001:db8:3::/64")).isEmpty());
        assertTrue(layout.locate(Ipv6Prefix.parse("2001:db8:1::/63")).isEmpty());
    }

    @Test
    void tinyAggregatesGetFewerShardsAndBadOnesAreRefused() {
        assertEquals(1, new PoolLayout("p", List.of(Ipv6Prefix.parse("2001:db8::/63")), 64, 256).shardCount());
        assertThrows(IllegalArgumentException.class,
                () -> new PoolLayout("p", List.of(Ipv6Prefix.parse("2001:db8::/64")), 48, 4));
        assertThrows(IllegalArgumentException.class,
                () -> new PoolLayout("a:b", List.of(Ipv6Prefix.parse("2001:db8::/48")), 64, 4));
    }

    @Test
    void theHomeShardIsStableAndSpread() {
        PoolLayout layout = new PoolLayout("p", List.of(Ipv6Prefix.parse("2001:db8::/32")), 64, 256);
        assertEquals(layout.homeShard("alice@example/if-0"), layout.homeShard("alice@example/if-0"));
        Set<Integer> shards = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            shards.add(layout.homeShard("mn" + i + "@example/if-0"));
        }
        assertTrue(shards.size() > 200, "2000 holders reach most of 256 shards, got " + shards.size());
    }
}
