package io.pmip.lma.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.lma.node.LmaConfig;
import io.pmip.lma.node.LmaNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Draining a member through the API makes it leave the cluster: a lone node drained through its own
 * admin API leaves, and its coordinated shutdown stops it. Also: without a token there is no API.
 */
class AdminDrainTest {
    private static final String CONFIG = """
            pmip.lma.node { journal = inmem, udp { enabled = true, address = "127.0.0.1", port = 0 }, mh.enabled = false }
            pmip.lma.node.restart-counter-file = "%s"
            pmip.admin { port = 0, token = "%s" }
            pekko.remote.artery.canonical.port = 0
            pekko.coordinated-shutdown.exit-jvm = off
            pekko.loglevel = WARNING
            """;

    private static LmaNode start(Path dir, String token) throws Exception {
        Path file = dir.resolve("lma.conf");
        Files.writeString(file, CONFIG.formatted(dir.resolve("rc").toString().replace("\\", "/"), token));
        return LmaNode.start(LmaConfig.load(Optional.of(file), Map.of())).awaitUp(Duration.ofSeconds(20));
    }

    @Test
    void drainingAMemberMakesItLeave(@TempDir Path dir) throws Exception {
        LmaNode lma = start(dir, "drain-token");
        try {
            String self = lma.clusterAddress();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + lma.adminAddress().getPort() + "/api/cluster/nodes/" + self + "/drain"))
                    .header("Authorization", "Bearer drain-token").POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"node\":\"" + self + "\""), r.body());
            // Leaving ends in coordinated shutdown of the member: the actor system terminates.
            lma.system().getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } finally {
            lma.close();
        }
    }

    @Test
    void noTokenNoApi(@TempDir Path dir) throws Exception {
        LmaNode lma = start(dir, "");
        try {
            assertEquals(null, lma.adminAddress(), "never served without authentication");
        } finally {
            lma.close();
        }
    }
}
