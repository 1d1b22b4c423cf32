package io.pmip.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pmip.lma.BindingEvent;
import io.pmip.lma.history.ReplaySystem;
import io.pmip.lma.history.JournalWriter;
import io.pmip.persistence.PersistenceConfig;
import io.pmip.persistence.cassandra.LocalCassandra;
import io.pmip.persistence.schema.SchemaMigration;
import io.pmip.persistence.schema.SchemaSettings;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pmip replay} in-process against a real Cassandra holding a history written with exact times. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAG1 = "192.0.2.1";
    private static final String MAG2 = "192.0.2.2";
    private static final Ipv6Prefix ALICE = Ipv6Prefix.parse("2001:db8:100:1::/64");
    private static final Ipv6Prefix BOB = Ipv6Prefix.parse("2001:db8:100:2::/64");

    private LocalCassandra cassandra;
    private Path configFile;
    /** alice registers at t0; everything happened within the last minute. */
    private Instant t0;

    private record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @BeforeAll
    void writeHistory(@TempDir Path dir) throws Exception {
        cassandra = LocalCassandra.forTests(dir.resolve("cassandra"));
        cassandra.start(LocalCassandra.DEFAULT_START_TIMEOUT);
        new SchemaMigration(SchemaSettings.fromConfig(PersistenceConfig.forContactPoint(cassandra.contactPointString())))
                .apply(List.of(cassandra.contactPoint()), "datacenter1");
        configFile = dir.resolve("lma.conf");
        Files.writeString(configFile, """
                pmip.cassandra.contact-points = ["%s"]
                """.formatted(cassandra.contactPointString()));

        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        List<BindingEvent> alice = List.of(
                new BindingEvent.Registered("alice", "if-0", at(0), MAG1, "192.0.2.100", List.of(ALICE),
                        Optional.of("default"), AccessTechnologyType.IEEE_802_11, Optional.of("020000000a01"),
                        HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE, Optional.empty(), 1, 40, OptionalLong.empty()),
                new BindingEvent.Refreshed("alice", "if-0", at(10), MAG1, List.of(ALICE),
                        HandoffIndicator.HANDOFF_STATE_NOT_CHANGED, Optional.empty(), 2, 40, OptionalLong.empty()),
                new BindingEvent.HandedOff("alice", "if-0", at(20), MAG1, MAG2, "192.0.2.100", List.of(ALICE),
                        AccessTechnologyType.IEEE_802_11, Optional.of("020000000a01"),
                        HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE, Optional.empty(), 1, 3600, OptionalLong.empty()),
                new BindingEvent.Deregistered("alice", "if-0", at(30), MAG2, List.of(ALICE), Optional.empty(), 2, at(40)),
                new BindingEvent.SessionDeleted("alice", "if-0", at(40), MAG2, List.of(ALICE)),
                new BindingEvent.PrefixesReleased("alice", "if-0", at(40), MAG2, List.of(ALICE)));
        List<BindingEvent> bob = List.of(
                new BindingEvent.Registered("bob", "if-0", at(5), MAG1, "192.0.2.100", List.of(BOB), Optional.of("default"),
                        AccessTechnologyType.IEEE_802_11, Optional.empty(), HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE,
                        Optional.empty(), 1, 3600, OptionalLong.empty()));
        // mallory is given alice's prefix while alice still holds it: the LMA would never write this
        List<BindingEvent> mallory = List.of(
                new BindingEvent.Registered("mallory", "if-0", at(25), MAG2, "192.0.2.100", List.of(ALICE),
                        Optional.empty(), AccessTechnologyType.IEEE_802_11, Optional.empty(),
                        HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE, Optional.empty(), 1, 3600, OptionalLong.empty()));
        try (ReplaySystem writer = ReplaySystem.start(ReplaySystem.config(Optional.of(configFile), Map.of()))) {
            write(writer, "alice", alice);
            write(writer, "bob", bob);
            write(writer, "mallory", mallory);
        }
    }

    private static void write(ReplaySystem system, String mnId, List<BindingEvent> events) throws Exception {
        ActorRef<JournalWriter.Write> ref = system.system().systemActorOf(JournalWriter.create(mnId), "writer-" + mnId,
                org.apache.pekko.actor.typed.Props.empty());
        for (BindingEvent e : events) {
            AskPattern.<JournalWriter.Write, org.apache.pekko.Done>ask(ref, replyTo -> new JournalWriter.Write(e, replyTo),
                    Duration.ofSeconds(20), system.system().scheduler()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    void stop() {
        if (cassandra != null) {
            cassandra.close();
        }
    }

    private Instant at(int seconds) {
        return t0.plusSeconds(seconds);
    }

    private static synchronized Run pmip(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Pmip.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String contactPoint() {
        return cassandra.contactPointString();
    }

    @Test
    void theTimelineTableHasOneLinePerEventWithMagPrefixAndStatus() {
        Run run = pmip("replay", "--mn", "alice", "--contact-point", contactPoint());
        assertEquals(0, run.exit(), run.toString());
        List<String> lines = run.lines();
        assertEquals("alice: 6 events", lines.get(0));
        assertTrue(lines.get(1).matches("SEQ +TIME +EVENT +SESSION +MAG +FROM MAG +PREFIXES +HI +LIFETIME +STATUS"), lines.get(1));
        assertEquals(8, lines.size(), run.out());
        assertTrue(lines.get(2).matches("1 +" + at(0) + " +Registered +if-0 +192\\.0\\.2\\.1 +- +2001:db8:100:1::/64 +1 +40s +active"),
                lines.get(2));
        assertTrue(lines.get(4).matches("3 +" + at(20) + " +HandedOff +if-0 +192\\.0\\.2\\.2 +192\\.0\\.2\\.1 +2001:db8:100:1::/64 +3 +3600s +active"),
                lines.get(4));
        assertTrue(lines.get(5).matches("4 +" + at(30) + " +Deregistered .* +0s +deregistered until " + at(40)), lines.get(5));
        assertTrue(lines.get(7).matches("6 +.* +PrefixesReleased .* +released"), lines.get(7));
    }

    @Test
    void theTimelineAsJson() throws Exception {
        Run run = pmip("replay", "--mn", "alice", "--json", "--config", configFile.toString());
        assertEquals(0, run.exit(), run.toString());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals("alice", doc.get("mnId").asText());
        List<String> types = new ArrayList<>();
        doc.get("events").forEach(e -> types.add(e.get("type").asText()));
        assertEquals(List.of("Registered", "Refreshed", "HandedOff", "Deregistered", "SessionDeleted", "PrefixesReleased"), types);
        JsonNode handoff = doc.get("events").get(2);
        assertEquals(3, handoff.get("sequenceNr").asInt());
        assertEquals(at(20).toString(), handoff.get("at").asText());
        assertEquals(MAG1, handoff.get("previousMag").asText());
        assertEquals(MAG2, handoff.get("servingMag").asText());
        assertEquals("2001:db8:100:1::/64", handoff.get("prefixes").get(0).asText());
        assertEquals("HANDOFF_BETWEEN_MAGS_SAME_INTERFACE", handoff.get("handoffIndicator").asText());
        assertEquals(3, handoff.get("handoffIndicatorCode").asInt());
        assertFalse(doc.get("events").get(4).has("lifetimeSeconds"), "a deletion grants no lifetime");
    }

    @Test
    void theStateAtInstantsBeforeDuringAndAfterTheBinding() throws Exception {
        Run before = pmip("replay", "--mn", "alice", "--at", at(-1).toString(), "--contact-point", contactPoint());
        assertEquals(0, before.exit(), before.toString());
        assertEquals("alice at " + at(-1) + ": no binding", before.lines().get(0));

        Run afterHandoff = pmip("replay", "--mn", "alice", "--at", "" + at(25), "--contact-point", contactPoint());
        assertEquals("alice at " + at(25) + ": 1 session", afterHandoff.lines().get(0), afterHandoff.toString());
        assertTrue(afterHandoff.lines().get(2).matches("if-0 +192\\.0\\.2\\.2 +2001:db8:100:1::/64 +IEEE_802_11 +020000000a01 +3 +3600s .* registered"),
                afterHandoff.lines().get(2));

        Run inMinDelay = pmip("replay", "--mn", "alice", "--at", at(35).toString(), "--json", "--contact-point", contactPoint());
        JsonNode session = JSON.readTree(inMinDelay.out()).get("sessions").get(0);
        assertTrue(session.get("deregistered").asBoolean());
        assertEquals(at(40).toString(), session.get("deleteAt").asText());

        Run gone = pmip("replay", "--mn", "alice", "--at", at(40).toString(), "--json", "--contact-point", contactPoint());
        assertEquals(0, JSON.readTree(gone.out()).get("sessions").size(), gone.toString());
    }

    @Test
    void aMagsEventsInATimeRange() throws Exception {
        String[] args = {"replay", "--mag", MAG1, "--from", at(-60).toString(), "--to", at(3600).toString(),
            "--config", configFile.toString()};
        Run run = pmip(args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!run.out().contains("HandedOff") && System.nanoTime() < deadline) {
            Thread.sleep(500); // the tag views are written just after the events
            run = pmip(args);
        }
        assertEquals(0, run.exit(), run.toString());
        List<String> lines = run.lines();
        assertEquals("MAG 192.0.2.1 from " + at(-60) + " to " + at(3600) + ": 4 events", lines.get(0), run.out());
        assertTrue(lines.get(2).matches(at(0) + " +alice +1 +Registered .*"), lines.get(2));
        assertTrue(lines.get(3).matches(at(5) + " +bob +1 +Registered .*"), lines.get(3));
        assertTrue(lines.get(4).matches(at(10) + " +alice +2 +Refreshed .*"), lines.get(4));
        assertTrue(lines.get(5).matches(at(20) + " +alice +3 +HandedOff +if-0 +192\\.0\\.2\\.2 +192\\.0\\.2\\.1 .*"), lines.get(5));

        Run narrow = pmip("replay", "--mag", MAG1, "--from", at(6).toString(), "--to", at(15).toString(), "--json",
                "--config", configFile.toString());
        JsonNode events = JSON.readTree(narrow.out()).get("events");
        assertEquals(1, events.size(), narrow.toString());
        assertEquals("Refreshed", events.get(0).get("type").asText());
    }

    @Test
    void theWholeJournalCheckReportsThePlantedPrefixWithBothMobileNodes() throws Exception {
        Run run = pmip("replay", "--all", "--check", "--progress-every", "1", "--contact-point", contactPoint());
        assertEquals(ReplayCommand.VIOLATIONS, run.exit(), run.toString());
        List<String> lines = run.lines();
        assertEquals("replayed 3 persistence ids, 8 events: 1 violation", lines.get(0));
        assertTrue(lines.get(2).startsWith("PREFIX_HELD_BY_TWO_MOBILE_NODES: prefix 2001:db8:100:1::/64 held by Binding|alice"),
                lines.get(2));
        assertTrue(lines.get(2).contains("by Binding|mallory"), lines.get(2));
        assertTrue(lines.get(4).matches(" +Binding\\|alice +1 +" + at(0) + " +Registered .*"), run.out());
        assertTrue(lines.get(5).matches(" +Binding\\|mallory +1 +" + at(25) + " +Registered .*"), run.out());
        assertTrue(lines.get(6).matches(" +Binding\\|alice +5 +" + at(40) + " +SessionDeleted .*"), run.out());
        assertTrue(run.err().contains("replay: 3 persistence ids, 8 events"), run.err());

        Run json = pmip("replay", "--all", "--check", "--json", "--contact-point", contactPoint());
        assertEquals(ReplayCommand.VIOLATIONS, json.exit(), json.toString());
        JsonNode v = JSON.readTree(json.out()).get("violations").get(0);
        assertEquals("PREFIX_HELD_BY_TWO_MOBILE_NODES", v.get("invariant").asText());
        assertEquals("[\"Binding|alice\",\"Binding|mallory\"]", v.get("persistenceIds").toString());
        assertEquals("Binding|mallory", v.get("events").get(1).get("persistenceId").asText());
        assertEquals(1, v.get("events").get(1).get("sequenceNr").asInt());
    }

    @Test
    void badArgumentsAndAnUnreachableJournalAreReportedNotThrown() {
        Run allWithoutCheck = pmip("replay", "--all");
        assertEquals(2, allWithoutCheck.exit());
        assertTrue(allWithoutCheck.err().contains("--check"), allWithoutCheck.err());
        Run badTime = pmip("replay", "--mn", "alice", "--at", "yesterday");
        assertEquals(2, badTime.exit());
        assertTrue(badTime.err().contains("--at: not an ISO-8601 instant"), badTime.err());
        assertEquals(2, pmip("replay", "--mn", "alice", "--mag", MAG1).exit());

        Run down = pmip("replay", "--mn", "alice", "--contact-point", "127.0.0.1:1", "--timeout", "30");
        assertEquals(ReplayCommand.READ_FAILED, down.exit(), down.toString());
        assertTrue(down.err().startsWith("pmip replay: cannot read the journal"), down.err());
        assertTrue(down.out().isEmpty());
    }
}
