package io.pmip.lma.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A real LMA node for tests: in-memory journal, UDP on 127.0.0.1:ephemeral, MH on ::1 when allowed. */
final class TestNode {
    private TestNode() {
    }

    static final String CONFIG = """
            pmip.lma.node {
              journal = inmem
              udp { enabled = true, address = "127.0.0.1", port = 0 }
              mh { enabled = %s, address = "::1" }
              restart-counter-file = "%s"
              entity-timeout = 5s
            }
            pmip.lma {
              mag-peers = ["127.0.0.1", "127.0.0.2", "::1"]
              # MAG and LMA share a clock here; generous for a loaded test machine.
              timestamp-validity-window = 5s
              prefix-pools.default { aggregates = ["2001:db8:100::/48"], prefix-length = 64, shards-per-aggregate = 4 }
            }
            pekko.remote.artery.canonical.port = 0
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.loglevel = WARNING
            """;

    /** Writes the test configuration as an operator's file and starts the node from it. */
    static LmaNode start(Path dir, boolean mh) throws IOException {
        return start(dir, mh, "");
    }

    /** The same with {@code extra} configuration after the test's, e.g. an admin API block. */
    static LmaNode start(Path dir, boolean mh, String extra) throws IOException {
        Path file = dir.resolve("lma.conf");
        Files.writeString(file, CONFIG.formatted(mh, dir.resolve("restart-counter").toString().replace("\\", "/"))
                + extra);
        return LmaNode.start(LmaConfig.load(Optional.of(file), Map.of())).awaitUp(java.time.Duration.ofSeconds(20));
    }

    /**
     * The first snapshot satisfying {@code condition}: the LMA counts a PBA after handing it to the
     * transport, so a client may read the PBA before the counter moves.
     */
    static io.pmip.lma.metrics.MetricsSnapshot awaitMetrics(LmaNode lma,
            java.util.function.Predicate<io.pmip.lma.metrics.MetricsSnapshot> condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        io.pmip.lma.metrics.MetricsSnapshot snapshot = lma.metrics().snapshot();
        while (!condition.test(snapshot)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("metrics never matched:\n" + snapshot.render());
            }
            Thread.sleep(20);
            snapshot = lma.metrics().snapshot();
        }
        return snapshot;
    }
}
