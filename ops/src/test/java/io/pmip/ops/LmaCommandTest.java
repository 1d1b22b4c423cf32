package io.pmip.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pmip lma} in-process: starts a node, prints the up line, stops cleanly when the node is closed. */
class LmaCommandTest {
    private static final Pattern UP = Pattern.compile(
            "lma up: cluster=127\\.0\\.0\\.1:\\d+ udp=127\\.0\\.0\\.1:\\d+ mh=off");

    @Test
    void runsANodeInTheForegroundUntilItIsClosed(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("lma.conf");
        Files.writeString(conf, """
                pmip.lma.node {
                  udp.port = 0
                  mh.enabled = false
                  restart-counter-file = "%s"
                }
                pekko.remote.artery.canonical.port = 0
                pekko.coordinated-shutdown.exit-jvm = off
                """.formatted(dir.resolve("restart-counter").toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Pmip.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cl.execute("lma", "--config", conf.toString(), "--journal", "inmem"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString().contains("lma up:")) {
            assertTrue(System.nanoTime() < deadline, () -> "no up line; stderr: " + err);
            assertTrue(!exit.isDone(), () -> "exited early: " + exit.join() + " " + err);
            Thread.sleep(50);
        }
        String line = out.toString().strip();
        assertTrue(UP.matcher(line).matches(), line);
        assertEquals("1", Files.readString(dir.resolve("restart-counter")).strip());

        LmaCommand.RUNNING.get().close(); // what the SIGTERM hook does
        assertEquals(0, exit.get(30, TimeUnit.SECONDS), err.toString());
    }

    @Test
    void theExampleConfigurationLoadsAndItsPolicyBuilds() {
        com.typesafe.config.Config c = io.pmip.lma.node.LmaConfig.load(
                java.util.Optional.of(Path.of("conf/lma.conf")), java.util.Map.of());
        assertEquals("inmem", c.getString("pmip.lma.node.journal"));
        io.pmip.lma.policy.LmaPolicy policy = io.pmip.lma.policy.LmaPolicy.fromConfig(c.getConfig("pmip.lma"));
        assertTrue(policy.magPeers().isAuthorized("127.0.0.2"));
        assertTrue(!policy.magPeers().isAuthorized("192.0.2.1"));
        assertTrue(policy.admit("blocked@lab.example", "127.0.0.1", java.util.Optional.empty()).isPresent());
        assertTrue(policy.admit("someone@lab.example", "127.0.0.1", java.util.Optional.empty()).isEmpty());
    }

    @Test
    void aMissingConfigFileIsAClearError() {
        StringWriter err = new StringWriter();
        CommandLine cl = Pmip.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(1, cl.execute("lma", "--config", "/nonexistent/lma.conf", "--journal", "inmem"));
        assertTrue(err.toString().contains("config file not found"), err.toString());
    }

    @Test
    void anUnknownJournalIsRefusedByTheCommandLine() {
        CommandLine cl = Pmip.commandLine();
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(2, cl.execute("lma", "--journal", "postgres"));
    }
}
