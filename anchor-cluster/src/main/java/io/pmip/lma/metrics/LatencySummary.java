package io.pmip.lma.metrics;

import org.HdrHistogram.Histogram;

/** PBA latency (PBU received to PBA queued for sending) in microseconds. */
public record LatencySummary(long count, long p50Micros, long p99Micros, long p999Micros, long maxMicros) {

    static LatencySummary of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0);
        }
        return new LatencySummary(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
    }
}
