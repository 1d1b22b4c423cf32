package io.pmip.lma.metrics;

import io.pmip.protocol.codec.DecodeRule;
import io.pmip.protocol.mh.BindingAckStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The signaling counters of one LMA node. Written from the transports' receive threads and from
 * the actor system's threads at once, so every counter is a {@link LongAdder} and the latency
 * histogram a {@link ConcurrentHistogram}; nothing here blocks a writer.
 *
 * <p>Counter names: {@code received{type}}, {@code sent{type,status}}, {@code send_failed{type}},
 * {@code malformed{rule}}, {@code decode_warning{rule}}, {@code rejected{reason,status}},
 * {@code dropped{reason}}, {@code entity_timeout}, {@code entity_failure}, {@code ignored{reason}},
 * {@code bulk{kind,status}}.
 */
public final class LmaMetrics {
    /** Latencies above a minute are recorded as a minute: the entity ask times out long before. */
    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Map<MetricKey, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> receivedCounters = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> sentCounters = new ConcurrentHashMap<>();
    /** RFC 5847 path state of each MAG peer hosted on this node, for the heartbeat peers gauge. */
    private final Map<String, String> heartbeatPeers = new ConcurrentHashMap<>();
    private final ConcurrentHistogram pbaLatency = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);

    /** The name a Mobility Header type has in counters (IANA "Mobility Header Types"). */
    public static String typeName(int mhType) {
        return switch (mhType) {
            case 5 -> "PBU";
            case 6 -> "PBA";
            case 7 -> "BE";
            case 13 -> "HEARTBEAT";
            case 16 -> "BRI";
            default -> "MH" + mhType;
        };
    }

    public void increment(MetricKey key) {
        counters.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    public void add(MetricKey key, long amount) {
        counters.computeIfAbsent(key, k -> new LongAdder()).add(amount);
    }

    /** A MAG peer hosted here is heartbeated and its path is in {@code state}. */
    public void heartbeatPeer(String mag, String state) {
        heartbeatPeers.put(mag, state);
    }

    /** A MAG peer is no longer heartbeated from this node (stopped, or moved to another node). */
    public void heartbeatPeerGone(String mag) {
        heartbeatPeers.remove(mag);
    }

    /** MAG peers heartbeated from this node, by path state. */
    public Map<String, Long> heartbeatPeersByState() {
        Map<String, Long> byState = new java.util.TreeMap<>();
        heartbeatPeers.values().forEach(state -> byState.merge(state, 1L, Long::sum));
        return byState;
    }

    /** One counter's current value (0 when never incremented). */
    public long count(MetricKey key) {
        LongAdder adder = counters.get(key);
        return adder == null ? 0 : adder.sum();
    }

    // Counted for every datagram in and out: their counters are looked up by type (and status) without
    // building a key each time. MH Type is 8 bits, a status 8 bits (RFC 6275 section 6.1.8).
    public void received(int mhType) {
        receivedCounters.computeIfAbsent(mhType & 0xff,
                t -> counters.computeIfAbsent(MetricKey.of("received", "type", typeName(t)), k -> new LongAdder()))
                .increment();
    }

    public void sent(int mhType, int status) {
        if (status < 0 || status > 0xff) {
            increment(MetricKey.of("sent", "type", typeName(mhType), "status", Integer.toString(status)));
            return;
        }
        sentCounters.computeIfAbsent((mhType & 0xff) << 8 | (status & 0xff),
                k -> counters.computeIfAbsent(MetricKey.of("sent", "type", typeName(mhType), "status",
                        Integer.toString(status)), c -> new LongAdder()))
                .increment();
    }

    /** The transport refused the datagram (queue full, closed); the peer will retransmit. */
    public void sendFailed(int mhType) {
        increment(MetricKey.of("send_failed", "type", typeName(mhType)));
    }

    public void malformed(DecodeRule rule) {
        increment(MetricKey.of("malformed", "rule", rule.name()));
    }

    public void decodeWarning(DecodeRule rule) {
        increment(MetricKey.of("decode_warning", "rule", rule.name()));
    }

    /** A PBU answered with a rejection; {@code reason} says which stage refused it. */
    public void rejected(String reason, BindingAckStatus status) {
        increment(MetricKey.of("rejected", "reason", reason, "status", Integer.toString(status.code())));
    }

    /** A datagram dropped without an answer: overload, unexpected type, rate limit. */
    public void dropped(String reason) {
        increment(MetricKey.of("dropped", "reason", reason));
    }

    public void entityTimeout() {
        increment(MetricKey.of("entity_timeout"));
    }

    public void entityFailure() {
        increment(MetricKey.of("entity_failure"));
    }

    /** A PBU the binding entity decided not to answer (RFC 5213 section 5.3.5). */
    public void ignored(String reason) {
        increment(MetricKey.of("ignored", "reason", reason));
    }

    /** RFC 6602: a bulk PBU a group answered; {@code kind} is refresh or deregistration. */
    public void bulk(String kind, BindingAckStatus status) {
        increment(MetricKey.of("bulk", "kind", kind, "status", Integer.toString(status.code())));
    }

    public void pbaLatency(long nanos) {
        long micros = Math.max(0, Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), MAX_LATENCY_MICROS));
        pbaLatency.recordValue(micros);
    }

    public MetricsSnapshot snapshot() {
        Map<MetricKey, Long> values = new java.util.HashMap<>();
        counters.forEach((k, v) -> values.put(k, v.sum()));
        Histogram copy = pbaLatency.copy();
        return new MetricsSnapshot(values, copy);
    }
}
