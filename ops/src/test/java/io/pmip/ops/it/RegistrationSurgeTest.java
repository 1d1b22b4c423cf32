package io.pmip.ops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.lma.metrics.MetricsSnapshot;
import io.pmip.lma.node.LmaConfig;
import io.pmip.lma.node.LmaNode;
import io.pmip.ops.load.LoadClient;
import io.pmip.ops.load.LoadPhase;
import io.pmip.ops.load.LoadProfile;
import io.pmip.ops.load.LoadReport;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overload control: a burst of 400 attachments at once against a node that admits 4 new
 * registrations at a time. Every PBU is answered (accepted, or refused with 130 and counted), the
 * node keeps serving, and the refused mobile nodes register once they come at the admitted pace.
 * No timing is asserted; `pmip bench overload` measures rates and latency.
 */
class RegistrationSurgeTest {
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path dir;

    @Test
    void newRegistrationsBeyondTheLimitGet130AndRegisterWhenPaced() throws Exception {
        Path conf = dir.resolve("lma.conf");
        Files.writeString(conf, Lab.LMA_CONF + "pmip.lma.node.max-new-registrations-in-flight = 4\n");
        Map<String, String> env = Map.of(
                "PMIP_JOURNAL", "inmem",
                "PMIP_HOME", dir.toString(),
                "PMIP_CLUSTER_PORT", String.valueOf(Lab.freeTcpPort()),
                "PMIP_SEED_NODES", "",
                "PMIP_LMA_UDP_PORT", "0",
                "PMIP_LMA_MH_ENABLED", "false");
        try (LmaNode node = LmaNode.start(LmaConfig.load(Optional.of(conf), env)).awaitUp(Duration.ofSeconds(120))) {
            InetSocketAddress udp = node.udpAddress();
            Lab.warmUp(udp);
            // A burst overflows the socket's receive buffer too (a kernel drop, before any admission):
            // those PBUs the MAGs send again, as they would any unanswered one.
            LoadProfile burst = LoadProfile.udp(udp.getAddress(), udp.getPort(), 4, 100, 0).withMaxInFlight(400)
                    .withRetransmission(Duration.ofSeconds(2), 5).withTag("surge");
            long refusedBefore = node.metrics().snapshot().count("rejected", "reason", "overload", "status", "130");
            LoadReport surge;
            try (LoadClient mags = LoadClient.open(burst)) {
                surge = mags.run(LoadPhase.REGISTER, PHASE_TIMEOUT);
            }
            System.out.println(surge.render());
            assertEquals(0, surge.timeouts(), "every mobile node answered: " + surge.render());
            assertTrue(Set.of(0, 130).containsAll(surge.statuses().keySet()), surge.render());
            long refused = surge.statuses().getOrDefault(130, 0L);
            assertTrue(refused > 0, "the burst exceeds the limit: " + surge.render());
            assertTrue(surge.accepted() > 0, "admitted ones are served: " + surge.render());

            MetricsSnapshot metrics = node.metrics().snapshot();
            assertEquals(refused, metrics.count("rejected", "reason", "overload", "status", "130") - refusedBefore,
                    "each refusal counted by reason");
            assertEquals(0, metrics.total("entity_timeout"));

            // The same MAGs and mobile nodes at the admitted pace: every one registers (RFC 5213
            // 5.4.1.2: the ones accepted in the burst get their session back).
            try (LoadClient paced = LoadClient.open(burst.withMaxInFlight(4))) {
                LoadReport again = paced.run(LoadPhase.REGISTER, PHASE_TIMEOUT);
                assertEquals(Map.of(0, 400L), again.statuses(), again.render());
                Lab.assertOnePrefixEachNeverShared(java.util.List.of(paced));
            }
        }
    }
}
