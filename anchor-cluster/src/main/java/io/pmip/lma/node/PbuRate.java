package io.pmip.lma.node;

import io.pmip.lma.metrics.LmaMetrics;
import io.pmip.lma.metrics.MetricKey;
import java.time.Clock;
import java.util.function.DoubleSupplier;

/** PBUs received per second since the previous call, from the node's counters (gossip thread only). */
final class PbuRate implements DoubleSupplier {
    private static final MetricKey PBUS = MetricKey.of("received", "type", LmaMetrics.typeName(5));

    private final LmaMetrics metrics;
    private final Clock clock;
    private long lastCount;
    private long lastMillis;

    PbuRate(LmaMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        this.lastMillis = clock.millis();
    }

    @Override
    public double getAsDouble() {
        long count = metrics.count(PBUS);
        long now = clock.millis();
        double rate = now > lastMillis ? (count - lastCount) * 1000.0 / (now - lastMillis) : 0;
        lastCount = count;
        lastMillis = now;
        return rate;
    }
}
