package io.pmip.lma.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A binding entity that does not answer within entity-timeout: no PBA (the MAG retransmits), counted. */
class LmaNodeLimitsTest {

    @Test
    void anEntityTimeoutSendsNothingAndIsCounted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lma.conf");
        Files.writeString(file, """
                pmip.lma.node {
                  journal = inmem
                  udp { address = "127.0.0.1", port = 0 }
                  mh.enabled = false
                  # No entity starts, recovers and allocates a prefix in a millisecond.
                  entity-timeout = 1ms
                }
                pmip.lma.prefix-pools.default { aggregates = ["2001:db8:100::/48"], shards-per-aggregate = 4 }
                pekko.remote.artery.canonical.port = 0
                pekko.coordinated-shutdown.exit-jvm = off
                pekko.loglevel = WARNING
                # The ask's timeout fires on a scheduler tick (10 ms by default), and a fresh entity now
                # answers in about 15 ms: ticks of 1 ms let the 1 ms timeout come first.
                pekko.scheduler.tick-duration = 1ms
                """);
        try (LmaNode lma = LmaNode.start(LmaConfig.load(Optional.of(file), Map.of())).awaitUp(Duration.ofSeconds(30));
                WireClient mag = WireClient.udp("127.0.0.1", lma.udpAddress())) {
            ProxyBindingUpdate pbu = WireClient.attachment("slow@lab.example", 1, "020000000d01");
            mag.send(pbu);
            TestNode.awaitMetrics(lma, m -> m.count("entity_timeout") == 1);
            mag.expectNone(ProxyBindingAcknowledgement.class, a -> true, Duration.ofMillis(500));
            assertEquals(0, lma.metrics().snapshot().total("sent"));
            assertEquals(0, lma.metrics().snapshot().count("entity_failure"));
        }
    }
}
