package io.pmip.ops.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pmip.lma.node.LmaConfig;
import io.pmip.lma.node.LmaNode;
import io.pmip.ops.Pmip;
import io.pmip.protocol.testsupport.Netns;
import io.pmip.protocol.testsupport.Tshark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Short {@code pmip sim} runs against a real in-process LMA node (in-memory journal). In a private
 * network namespace ("sim-...") when this process may create one, so the raw Mobility Header
 * run sees no other process's signaling on ::1; the UDP run works without it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulationTest {
    private Optional<Netns> netns = Optional.empty();
    private LmaNode lma;

    @BeforeAll
    void startLma(@TempDir Path dir) throws Exception {
        netns = Netns.available() ? Optional.of(Netns.create("sim")) : Optional.empty();
        Path conf = dir.resolve("lma.conf");
        Files.writeString(conf, """
                pmip.lma.node { journal = inmem, udp.port = 0, mh { enabled = %s, address = "::1" }, home = "%s" }
                # One clock for MAGs and LMA; a loaded test machine may hold a PBU for seconds.
                pmip.lma.timestamp-validity-window = 30s
                pmip.lma.prefix-pool-timeout = 10s
                pmip.lma.prefix-pools.default.shards-per-aggregate = 4
                pekko.remote.artery.canonical.port = 0
                pekko.coordinated-shutdown.exit-jvm = off
                pekko.loglevel = WARNING
                """.formatted(netns.isPresent(), dir));
        lma = inNetwork(() -> LmaNode.start(LmaConfig.load(Optional.of(conf), Map.of())).awaitUp(Duration.ofSeconds(60)));
    }

    @AfterAll
    void stop() {
        if (lma != null) {
            lma.close();
        }
        netns.ifPresent(Netns::close);
    }

    private <T> T inNetwork(Callable<T> task) throws Exception {
        return netns.isPresent() ? netns.get().run(task) : task.call();
    }

    private record Run(int exit, String out, String err) {
    }

    private Run sim(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Pmip.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = inNetwork(() -> cl.execute(args));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void udpRunAttachesHandsOffDetachesAndReportsIt(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report");
        Path pcap = dir.resolve("sim.pcap");
        // 3 MAGs x 10 nodes, 120 operations at 40/s: the first 30 attach everyone, then up to 15
        // handoffs (5/s), about 9 detaches (3/s, attached again when their turn comes) and refreshes.
        // How many find an idle node depends on the LMA's latency, so the counts below are checked
        // against each other, not against the schedule.
        Run run = sim("sim", "--lmaa", lma.udpAddress().getAddress().getHostAddress() + ":" + lma.udpAddress().getPort(),
                "--transport", "udp", "--mags", "3", "--mns", "10", "--rate", "40", "--duration", "3",
                "--handoff-rate", "5", "--detach-rate", "3", "--drain", "30", "--tag", "simudp",
                "--report", report.toString(), "--pcap", pcap.toString());
        assertEquals(0, run.exit(), run.err());
        System.out.println(run.out()); // the summary, for whoever reads the test log
        assertTrue(java.util.regex.Pattern.compile("(?m)^t= +\\d+\\.\\ds PBU +\\d+/s PBA +\\d+/s outstanding")
                .matcher(run.err()).find(), "progress every second: " + run.err());

        JsonNode json = SimReportFiles.mapper().readTree(report.resolve(SimReportFiles.JSON).toFile());
        assertEquals(SimReport.SCHEMA, json.get("schema").asText());
        JsonNode offered = json.get("offered");
        assertEquals(120, offered.get("started").asLong(), json.toPrettyString());
        assertEquals(0, offered.get("unfinished").asLong());
        assertEquals(120, offered.get("completed").asLong() + offered.get("skippedBusy").asLong());
        assertEquals(0, json.get("problems").get("timeouts").asLong());
        assertEquals(0, json.get("problems").get("rejected").asLong());
        assertEquals(0, json.get("problems").get("malformed").asLong());

        // Every PBA accepted, and one per finished transaction of each kind.
        long pbas = count(json, "received", "PBA", null);
        assertEquals(Map.of("0", pbas), statuses(json));
        long handoffs = count(json, "received", "PBA", "HANDOFF");
        assertTrue(handoffs >= 1 && handoffs <= 15, "handoffs " + handoffs);
        assertEquals(handoffs, json.get("handoffCompletion").get("count").asLong());
        long initial = count(json, "received", "PBA", "INITIAL");
        assertTrue(initial >= 30, "every node attached at least once: " + initial);
        // A handoff is two PBUs: the old MAG's de-registration and the new MAG's HI 3 registration.
        long deregistrations = count(json, "received", "PBA", "DEREGISTRATION");
        assertTrue(deregistrations >= handoffs, "handoffs " + handoffs + ", de-registrations " + deregistrations);
        assertEquals(pbas, json.get("pbaLatency").get("count").asLong());
        assertTrue(json.get("pbaLatency").get("p99").asDouble() > 0);
        long retransmissions = json.get("problems").get("retransmissions").asLong();
        assertEquals(pbas + retransmissions, count(json, "sent", "PBU", null), "every PBU answered once");

        String html = Files.readString(report.resolve(SimReportFiles.HTML));
        assertTrue(html.contains("<svg") && html.contains("<polyline"), "inline SVG plots");
        assertFalse(html.contains("<script") || html.contains("src=\"http") || html.contains("href=\"http"),
                "self-contained");

        assumeTrue(Tshark.available(), "tshark on PATH");
        // tshark decodes UDP 5436 as MIPv6 by itself; this LMA listens on an ephemeral port.
        List<Tshark.Frame> frames = Tshark.dissect(pcap, "-d", "udp.port==" + lma.udpAddress().getPort() + ",mipv6");
        // Every PBU and PBA, plus the LMA's answers to retransmissions that the MAGs had stopped awaiting.
        long pbus = count(json, "sent", "PBU", null);
        assertTrue(frames.size() >= pbas + pbus && frames.size() <= pbas + pbus + retransmissions,
                frames.size() + " frames for " + pbus + " PBUs, " + pbas + " PBAs, " + retransmissions + " retransmissions");
        for (Tshark.Frame f : frames) {
            assertTrue(f.protocols().contains("mipv6"), "frame " + f.number() + " " + f.protocols());
            assertFalse(f.protocols().contains("_ws.malformed"), "frame " + f.number());
            assertTrue(f.expert().stream().noneMatch(e -> e.severity().compareTo(Tshark.Severity.WARN) >= 0),
                    "frame " + f.number() + " " + f.expert());
        }
    }

    @Test
    void rawMobilityHeaderRunInAPrivateNamespace(@TempDir Path dir) throws Exception {
        assumeTrue(netns.isPresent(), "network namespaces and raw sockets (root)");
        Path pcap = dir.resolve("mh.pcap");
        Run run = sim("sim", "--lmaa", "::1", "--transport", "mh", "--mags", "2", "--mns", "5", "--rate", "20",
                "--count", "20", "--handoff-rate", "4", "--drain", "30", "--tag", "simmh", "--pcap", pcap.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("PBA statuses: {0="), run.out());
        assertTrue(run.out().contains("unfinished at the end") && run.out().contains(", 0 unfinished"), run.out());
        assumeTrue(Tshark.available(), "tshark on PATH");
        List<Tshark.Frame> frames = Tshark.dissect(pcap);
        assertTrue(frames.size() >= 20, "frames " + frames.size());
        for (Tshark.Frame f : frames) {
            assertTrue(f.protocols().contains("mipv6") && !f.protocols().contains("_ws.malformed"), f.protocols().toString());
            assertTrue(f.expert().stream().noneMatch(e -> e.severity().compareTo(Tshark.Severity.WARN) >= 0),
                    "frame " + f.number() + " " + f.expert());
        }
    }

    @Test
    void stubLmaAcceptsEverything() throws Exception {
        Run run = sim("sim", "--stub-lma", "--mags", "2", "--mns", "10", "--rate", "50", "--count", "60",
                "--handoff-rate", "10", "--detach-rate", "5", "--drain", "30", "--tag", "simstub");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("60 started, ") && run.out().contains(", 0 unfinished"), run.out());
        assertTrue(run.out().matches("(?s).*PBA statuses: \\{0=\\d+}.*"), run.out());
        assertTrue(run.out().contains("received PBA  HANDOFF"), run.out());
    }

    @Test
    void echoCeilingAloneNeedsNoLma() throws Exception {
        Run run = sim("sim", "--echo-ceiling", "--echo-rate", "500", "--echo-max-rate", "1000", "--echo-seconds", "1",
                "--mags", "2");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().matches("(?s)echo ceiling \\(UDP, 2 client sockets\\): \\d+ answered/s\\n"
                + "  offered     500/s for 1\\.\\d s: .*"), run.out());
    }

    private static long count(JsonNode json, String direction, String message, String kind) {
        long n = 0;
        for (JsonNode m : json.get("messages")) {
            if (m.get("direction").asText().equals(direction) && m.get("message").asText().equals(message)
                    && (kind == null || m.get("kind").asText().equals(kind))) {
                n += m.get("count").asLong();
            }
        }
        return n;
    }

    private static Map<String, Long> statuses(JsonNode json) {
        Map<String, Long> out = new java.util.TreeMap<>();
        json.get("pbaStatuses").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }
}
