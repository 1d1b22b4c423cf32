package io.pmip.lma.metrics;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * An immutable view of {@link LmaMetrics} at one moment. {@code pbaLatency} is a copy of the
 * histogram (microseconds) that the reader may merge or print; it is not shared with the writers.
 */
public record MetricsSnapshot(Map<MetricKey, Long> counters, Histogram pbaLatency) {

    public MetricsSnapshot {
        counters = Map.copyOf(counters);
    }

    /** The counter's value, 0 when it was never incremented. */
    public long count(MetricKey key) {
        return counters.getOrDefault(key, 0L);
    }

    /** {@code count("sent", "type", "PBA", "status", "158")}. */
    public long count(String name, String... keyValues) {
        return count(MetricKey.of(name, keyValues));
    }

    /** The sum over every label combination of {@code name}. */
    public long total(String name) {
        return counters.entrySet().stream().filter(e -> e.getKey().name().equals(name))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public LatencySummary pbaLatencySummary() {
        return LatencySummary.of(pbaLatency);
    }

    /** One counter per line, sorted, then the latency summary. */
    public String render() {
        StringBuilder out = new StringBuilder();
        new TreeMap<String, Long>(counters.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)))
                .forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
        out.append("pba_latency_us ").append(pbaLatencySummary()).append('\n');
        return out.toString();
    }
}
