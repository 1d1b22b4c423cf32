package io.pmip.lma.admin;

import io.pmip.lma.node.LmaConfig;
import io.pmip.lma.node.LmaNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A real LMA node with its admin API on, for the admin tests: in-memory journal, UDP on 127.0.0.1:ephemeral. */
final class AdminTestNode {
    private static final String CONFIG = """
            pmip.lma.node {
              journal = inmem
              udp { enabled = true, address = "127.0.0.1", port = 0 }
              mh { enabled = false }
              restart-counter-file = "%s"
            }
            pmip.lma {
              mag-peers = ["127.0.0.1"]
              timestamp-validity-window = 5s
              prefix-pools.default { aggregates = ["2001:db8:100::/48"], prefix-length = 64, shards-per-aggregate = 4 }
            }
            pmip.admin { address = "127.0.0.1", port = 0, token = "%s" }
            pekko.remote.artery.canonical.port = 0
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.loglevel = WARNING
            """;

    private AdminTestNode() {
    }

    /** Writes the configuration, with {@code extra} HOCON after it, as an operator's file and starts the node. */
    static LmaNode start(Path dir, String token, String extra) throws IOException {
        Path file = dir.resolve("lma.conf");
        Files.writeString(file, CONFIG.formatted(dir.resolve("restart-counter").toString().replace("\\", "/"), token)
                + extra);
        LmaNode lma = LmaNode.start(LmaConfig.load(Optional.of(file), Map.of())).awaitUp(Duration.ofSeconds(20));
        if (lma.adminAddress() == null) {
            lma.close();
            throw new AssertionError("the admin API did not start");
        }
        return lma;
    }
}
