package io.pmip.lma.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pmip.protocol.codec.DecodeRule;
import io.pmip.protocol.mh.BindingAckStatus;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LmaMetricsTest {

    @Test
    void countersAreKeyedByNameAndLabelsAndTheSnapshotDoesNotMove() {
        LmaMetrics m = new LmaMetrics();
        m.received(5);
        m.received(5);
        m.sent(6, 0);
        m.malformed(DecodeRule.BAD_CHECKSUM);
        m.rejected("policy", BindingAckStatus.MAG_NOT_AUTHORIZED_FOR_PROXY_REG);
        m.dropped("overload");
        m.pbaLatency(TimeUnit.MILLISECONDS.toNanos(3));
        MetricsSnapshot s = m.snapshot();
        m.received(5);
        assertEquals(2, s.count("received", "type", "PBU"));
        assertEquals(1, s.count("sent", "type", "PBA", "status", "0"));
        assertEquals(1, s.count("malformed", "rule", "BAD_CHECKSUM"));
        assertEquals(1, s.count("rejected", "reason", "policy", "status", "154"));
        assertEquals(1, s.total("dropped"));
        assertEquals(0, s.count("entity_timeout"));
        assertEquals(1, s.pbaLatencySummary().count());
        assertEquals(3000, s.pbaLatencySummary().maxMicros(), 5);
        assertEquals(3, m.snapshot().count("received", "type", "PBU"));
        // type and status each name their own counter, however often they repeat
        m.sent(6, 158);
        m.sent(6, 158);
        m.sent(16, 0);
        MetricsSnapshot later = m.snapshot();
        assertEquals(2, later.count("sent", "type", "PBA", "status", "158"));
        assertEquals(1, later.count("sent", "type", "PBA", "status", "0"));
        assertEquals(1, later.count("sent", "type", "BRI", "status", "0"));
    }

    @Test
    void labelsComeInPairs() {
        assertThrows(IllegalArgumentException.class, () -> MetricKey.of("sent", "type"));
        assertEquals("sent{type=PBA,status=0}", MetricKey.of("sent", "type", "PBA", "status", "0").toString());
    }
}
