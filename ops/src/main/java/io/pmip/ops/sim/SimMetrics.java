package io.pmip.ops.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the simulated MAGs saw, recorded from many threads (the MAG actors) without locks: message
 * counts by type, PBA statuses, latency histograms, and once a second a timeline point. Latencies
 * are recorded in microseconds, up to two minutes.
 */
final class SimMetrics {
    static final String SENT = "sent";
    static final String RECEIVED = "received";
    private static final long HIGHEST_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

    /** A message type and kind, e.g. sent PBU INITIAL. */
    private record Key(String direction, String message, String kind) {
    }

    private final Map<Key, LongAdder> messages = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, Recorder> latencyByKind = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latencyByKindTotal = new ConcurrentHashMap<>();
    private final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram latencyTotal = new Histogram(HIGHEST_MICROS, 3);
    private final Recorder handoff = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram handoffTotal = new Histogram(HIGHEST_MICROS, 3);
    private final LongAdder pbusSent = new LongAdder();
    private final LongAdder pbasReceived = new LongAdder();
    final LongAdder retransmissions = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder resynchronizations = new LongAdder();
    final LongAdder revocations = new LongAdder();
    final LongAdder bulkFallbacks = new LongAdder();
    final LongAdder skippedBusy = new LongAdder();
    final LongAdder completed = new LongAdder();
    private final List<SimReport.TimelinePoint> timeline = new ArrayList<>();
    private long lastPbus;
    private long lastPbas;

    void sent(String message, String kind) {
        count(SENT, message, kind);
        if (message.equals("PBU")) {
            pbusSent.increment();
        }
    }

    void received(String message, String kind) {
        count(RECEIVED, message, kind);
    }

    private void count(String direction, String message, String kind) {
        messages.computeIfAbsent(new Key(direction, message, kind), k -> new LongAdder()).increment();
    }

    /** One PBA: its status, and its latency under its PBU's kind. */
    void pba(String kind, int status, long latencyNanos) {
        received("PBA", kind);
        pbasReceived.increment();
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        long micros = clamp(latencyNanos);
        latency.recordValue(micros);
        latencyByKind.computeIfAbsent(kind, k -> new Recorder(HIGHEST_MICROS, 3)).recordValue(micros);
    }

    void handoffCompleted(long nanos) {
        handoff.recordValue(clamp(nanos));
    }

    private static long clamp(long nanos) {
        return Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000));
    }

    /** Closes one interval: a timeline point for the PBAs since the last call. Called by one thread. */
    synchronized SimReport.TimelinePoint sample(double second, long outstanding) {
        Histogram interval = latency.getIntervalHistogram();
        latencyTotal.add(interval);
        handoffTotal.add(handoff.getIntervalHistogram());
        latencyByKind.forEach((kind, r) -> latencyByKindTotal
                .computeIfAbsent(kind, k -> new Histogram(HIGHEST_MICROS, 3)).add(r.getIntervalHistogram()));
        long pbus = pbusSent.sum();
        long pbas = pbasReceived.sum();
        boolean any = interval.getTotalCount() > 0;
        SimReport.TimelinePoint point = new SimReport.TimelinePoint(second, pbus - lastPbus, pbas - lastPbas,
                outstanding, any ? interval.getValueAtPercentile(50) / 1000.0 : 0,
                any ? interval.getValueAtPercentile(99) / 1000.0 : 0, any ? interval.getMaxValue() / 1000.0 : 0);
        lastPbus = pbus;
        lastPbas = pbas;
        timeline.add(point);
        return point;
    }

    synchronized List<SimReport.TimelinePoint> timeline() {
        return List.copyOf(timeline);
    }

    /** Every message type, with its rate over {@code seconds}. */
    List<SimReport.MessageRate> messageRates(double seconds) {
        List<SimReport.MessageRate> rates = new ArrayList<>();
        new TreeMap<String, Map.Entry<Key, LongAdder>>(messages.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(e -> e.getKey().direction() + e.getKey().message() + e.getKey().kind(),
                        e -> e))).values().forEach(e -> {
                            long n = e.getValue().sum();
                            rates.add(new SimReport.MessageRate(e.getKey().direction(), e.getKey().message(),
                                    e.getKey().kind(), n, seconds > 0 ? n / seconds : 0));
                        });
        return rates;
    }

    Map<Integer, Long> statuses() {
        Map<Integer, Long> out = new TreeMap<>();
        statuses.forEach((code, n) -> out.put(code, n.sum()));
        return out;
    }

    /** Call after the last {@link #sample}. */
    synchronized SimReport.Percentiles pbaLatency() {
        return SimReport.Percentiles.of(latencyTotal);
    }

    synchronized Map<String, SimReport.Percentiles> pbaLatencyByKind() {
        Map<String, SimReport.Percentiles> out = new TreeMap<>();
        latencyByKindTotal.forEach((kind, h) -> out.put(kind, SimReport.Percentiles.of(h)));
        return out;
    }

    synchronized SimReport.Percentiles handoffCompletion() {
        return SimReport.Percentiles.of(handoffTotal);
    }

    long pbasReceived() {
        return pbasReceived.sum();
    }
}
