package io.pmip.ops.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.lma.node.LmaConfig;
import io.pmip.lma.node.LmaNode;
import io.pmip.ops.Pmip;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pmip cluster drain} asks a real node's admin API to drain it; the node leaves and stops. */
class ClusterDrainCommandTest {
    private static final String CONFIG = """
            pmip.lma.node { journal = inmem, udp { enabled = true, address = "127.0.0.1", port = 0 }, mh.enabled = false }
            pmip.lma.node.restart-counter-file = "%s"
            pmip.admin { port = 0, token = "drain-cmd" }
            pekko.remote.artery.canonical.port = 0
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.loglevel = WARNING
            """;

    @Test
    void drainsTheNamedNodeThroughTheAdminApi(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lma.conf");
        Files.writeString(file, CONFIG.formatted(dir.resolve("rc").toString().replace("\\", "/")));
        LmaNode lma = LmaNode.start(LmaConfig.load(Optional.of(file), Map.of())).awaitUp(Duration.ofSeconds(30));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = Pmip.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            int exit = cli.execute("cluster", "drain", "--node", lma.clusterAddress(),
                    "--admin", "http://127.0.0.1:" + lma.adminAddress().getPort(), "--token", "drain-cmd");
            assertEquals(0, exit, err.toString());
            assertTrue(out.toString().contains("draining"), out.toString());
            lma.system().getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);

            assertEquals(2, Pmip.commandLine().execute("cluster", "drain", "--node", "2", "--token", " "),
                    "no token, no request");
        } finally {
            lma.close();
        }
    }
}
