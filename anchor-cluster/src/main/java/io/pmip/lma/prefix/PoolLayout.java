package io.pmip.lma.prefix;

import com.typesafe.config.Config;
import io.pmip.protocol.Ipv6Prefix;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one prefix pool is cut into shards: every aggregate (e.g. 2001:db8::/32) is split into
 * prefixes of {@code prefixLength} (e.g. /64), and the prefixes of each aggregate into up to
 * {@code shardsPerAggregate} contiguous sub-ranges, each owned by one pool entity. Sub-ranges never
 * overlap, so uniqueness across the cluster needs nothing more than one writer per entity.
 */
public final class PoolLayout {
    /** A shard smaller than this is not worth its own entity. */
    static final long MIN_PREFIXES_PER_SHARD = 16;

    private final String name;
    private final List<Ipv6Prefix> aggregates;
    private final int prefixLength;
    private final List<Range> ranges = new ArrayList<>();

    /** One shard: {@code size} prefixes starting at {@code first} inside aggregate {@code aggregate}. */
    public record Range(int aggregate, long first, long size) {
    }

    public PoolLayout(String name, List<Ipv6Prefix> aggregates, int prefixLength, int shardsPerAggregate) {
        if (name.isEmpty() || name.contains(":")) {
            throw new IllegalArgumentException("bad pool name: " + name);
        }
        this.name = name;
        this.aggregates = List.copyOf(aggregates);
        this.prefixLength = prefixLength;
        for (int a = 0; a < this.aggregates.size(); a++) {
            int bits = prefixLength - this.aggregates.get(a).length();
            if (bits < 0 || bits > 62 || prefixLength > 128) {
                throw new IllegalArgumentException("pool " + name + ": cannot split " + this.aggregates.get(a)
                        + " into /" + prefixLength);
            }
            long count = 1L << bits;
            int shards = (int) Math.max(1, Math.min(shardsPerAggregate, count / MIN_PREFIXES_PER_SHARD));
            for (int s = 0; s < shards; s++) {
                long first = count / shards * s + Math.min(s, count % shards);
                long size = count / shards + (s < count % shards ? 1 : 0);
                ranges.add(new Range(a, first, size));
            }
        }
    }

    public static PoolLayout fromConfig(String name, Config pool) {
        return new PoolLayout(name, pool.getStringList("aggregates").stream().map(Ipv6Prefix::parse).toList(),
                pool.hasPath("prefix-length") ? pool.getInt("prefix-length") : 64,
                pool.hasPath("shards-per-aggregate") ? pool.getInt("shards-per-aggregate") : 256);
    }

    public String name() {
        return name;
    }

    public int shardCount() {
        return ranges.size();
    }

    public Range range(int shard) {
        return ranges.get(shard);
    }

    public long capacity() {
        return ranges.stream().mapToLong(Range::size).sum();
    }

    /** The shard a holder asks first; spreads holders evenly and is the same on every node. */
    public int homeShard(String holder) {
        int h = holder.hashCode() * 0x9E3779B9;
        return Math.floorMod(h ^ (h >>> 16), ranges.size());
    }

    public Ipv6Prefix prefixAt(int shard, long offset) {
        Range r = ranges.get(shard);
        if (offset < 0 || offset >= r.size()) {
            throw new IllegalArgumentException("offset " + offset + " outside shard " + shard);
        }
        Ipv6Prefix aggregate = aggregates.get(r.aggregate());
        BigInteger base = new BigInteger(1, aggregate.address());
        BigInteger value = base.add(BigInteger.valueOf(r.first() + offset).shiftLeft(128 - prefixLength));
        return Ipv6Prefix.of(toBytes(value), prefixLength);
    }

    /** The shard and offset of a prefix of this pool; empty if the prefix is not from this pool. */
    public Optional<long[]> locate(Ipv6Prefix prefix) {
        if (prefix.length() != prefixLength) {
            return Optional.empty();
        }
        for (int a = 0; a < aggregates.size(); a++) {
            Ipv6Prefix aggregate = aggregates.get(a);
            if (!aggregate.contains(prefix)) {
                continue;
            }
            long index = new BigInteger(1, prefix.address()).subtract(new BigInteger(1, aggregate.address()))
                    .shiftRight(128 - prefixLength).longValueExact();
            for (int s = 0; s < ranges.size(); s++) {
                Range r = ranges.get(s);
                if (r.aggregate() == a && index >= r.first() && index < r.first() + r.size()) {
                    return Optional.of(new long[] {s, index - r.first()});
                }
            }
        }
        return Optional.empty();
    }

    public String entityId(int shard) {
        return name + ":" + shard;
    }

    private static byte[] toBytes(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[16];
        int n = Math.min(raw.length, 16);
        System.arraycopy(raw, raw.length - n, out, 16 - n, n);
        return out;
    }
}
