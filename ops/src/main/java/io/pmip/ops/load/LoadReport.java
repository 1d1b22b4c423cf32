package io.pmip.ops.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one {@link LoadPhase}: PBA latency (microseconds, from the PBU's intended send
 * time, so a stalled LMA shows as latency and not as a slower offered rate), PBA statuses by code,
 * mobile nodes that got no PBA at all, and retransmissions. {@code acceptedLatencyMicros} holds the
 * accepting PBAs only (without the quick refusals of an overloaded LMA). {@code late} counts PBAs
 * that arrived for a PBU the client had already given up on (or sent again with a newer Sequence
 * Number): the LMA answered, but after the MAG's timeout. Many late PBAs and few matched ones is
 * congestion collapse, not silence.
 */
public record LoadReport(
        LoadPhase phase,
        int mobileNodes,
        Duration elapsed,
        Histogram latencyMicros,
        Map<Integer, Long> statuses,
        long timeouts,
        long retransmissions,
        long sendRefusals,
        Histogram acceptedLatencyMicros,
        long late) {

    public LoadReport {
        statuses = Map.copyOf(statuses);
    }

    /** Without a separate histogram of the accepting PBAs: all PBAs' latency stands for it. */
    public LoadReport(LoadPhase phase, int mobileNodes, Duration elapsed, Histogram latencyMicros,
            Map<Integer, Long> statuses, long timeouts, long retransmissions, long sendRefusals) {
        this(phase, mobileNodes, elapsed, latencyMicros, statuses, timeouts, retransmissions, sendRefusals,
                latencyMicros, 0);
    }

    /** Latency of the accepting PBAs (status below 128), at {@code percentile}. */
    public double acceptedPercentileMillis(double percentile) {
        return acceptedLatencyMicros.getTotalCount() == 0 ? Double.NaN
                : acceptedLatencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** PBAs with a status below 128 (RFC 6275 section 6.1.8). */
    public long accepted() {
        return statuses.entrySet().stream().filter(e -> e.getKey() < 128).mapToLong(Map.Entry::getValue).sum();
    }

    public long rejected() {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= 128).mapToLong(Map.Entry::getValue).sum();
    }

    /** Accepted PBAs per second of the phase. */
    public double acceptedPerSecond() {
        return elapsed.isZero() ? 0 : accepted() / (elapsed.toNanos() / 1e9);
    }

    public double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN
                : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
    }

    /** One line for logs and the benchmark file. */
    public String render() {
        String byStatus = new TreeMap<>(statuses).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        return String.format(java.util.Locale.ROOT,
                "%s: %d mobile nodes in %.2f s, accepted %d (%.0f/s), statuses {%s}, timeouts %d, retransmissions %d,"
                        + " late PBAs %d, PBA latency ms p50 %.2f p90 %.2f p99 %.2f max %.2f",
                phase, mobileNodes, elapsed.toNanos() / 1e9, accepted(), acceptedPerSecond(), byStatus, timeouts,
                retransmissions, late, percentileMillis(50), percentileMillis(90), percentileMillis(99), maxMillis());
    }
}
