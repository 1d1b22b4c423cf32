package io.pmip.lma.history;

import io.pmip.lma.node.TestMag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.pmip.lma.BindingEvent;
import io.pmip.lma.BindingState;
import io.pmip.lma.MobilitySession;
import io.pmip.lma.node.LmaConfig;
import io.pmip.lma.node.LmaNode;
import io.pmip.mag.MagActor;
import io.pmip.mag.MagCommand;
import io.pmip.mag.MagConfig;
import io.pmip.mag.MagEvent;
import io.pmip.mag.MagNode;
import io.pmip.mag.PbuKind;
import io.pmip.persistence.cassandra.LocalCassandra;
import io.pmip.persistence.PersistenceConfig;
import io.pmip.persistence.schema.SchemaMigration;
import io.pmip.persistence.schema.SchemaSettings;
import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.transport.TransportConfig;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A known history made over the wire (mag-edge MAGs and a real LMA node journaling to a real
 * Cassandra), then read back: timeline, state at instants, a MAG's events, and the invariant check
 * finding a violation planted straight into the journal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BindingHistoryCassandraTest {
    /** Generous: the machine running the suite may be loaded, and the first writes recover the shard coordinators. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MAG1 = "127.0.0.1";
    private static final String MAG2 = "127.0.0.2";

    private LocalCassandra cassandra;
    private LmaNode lma;
    private ActorTestKit kit;
    private ReplaySystem replay;
    private BindingHistory history;
    private final List<MagNode> nodes = new ArrayList<>();
    private List<Ipv6Prefix> alicePrefixes;
    private Instant start;

    @BeforeAll
    void makeHistory(@TempDir Path dir) throws Exception {
        cassandra = LocalCassandra.forTests(dir.resolve("cassandra"));
        cassandra.start(LocalCassandra.DEFAULT_START_TIMEOUT);
        new SchemaMigration(SchemaSettings.fromConfig(PersistenceConfig.forContactPoint(cassandra.contactPointString())))
                .apply(List.of(cassandra.contactPoint()), "datacenter1");
        Path file = dir.resolve("lma.conf");
        Files.writeString(file, """
                pmip.cassandra.contact-points = ["%s"]
                pmip.lma.node {
                  journal = cassandra
                  udp { enabled = true, address = "127.0.0.1", port = 0 }
                  mh.enabled = false
                  restart-counter-file = "%s"
                }
                pmip.lma {
                  mag-peers = ["127.0.0.1", "127.0.0.2"]
                  timestamp-validity-window = 5s
                  min-delay-before-bce-delete = 1s
                  prefix-pools.default { aggregates = ["2001:db8:100::/48"], prefix-length = 64, shards-per-aggregate = 4 }
                }
                pekko.remote.artery.canonical.port = 0
                pekko.coordinated-shutdown.exit-jvm = off
                pekko.loglevel = WARNING
                # a loaded test machine: Cassandra answers slowly, the MAGs retransmit meanwhile
                datastax-java-driver.basic.request.timeout = 10s
                pmip.lma.node.entity-timeout = 15s
                pmip.lma.prefix-pool-timeout = 10s
                """.formatted(cassandra.contactPointString(), dir.resolve("restart-counter").toString().replace("\\", "/")));
        start = Instant.now();
        lma = LmaNode.start(LmaConfig.load(Optional.of(file), Map.of())).awaitUp(Duration.ofSeconds(60));
        kit = ActorTestKit.create("mags");
        replay = ReplaySystem.start(ReplaySystem.config(Optional.of(file), Map.of()));
        history = replay.history();

        TestMag mag1 = udpMag(MAG1, Duration.ofSeconds(8));
        TestMag mag2 = udpMag(MAG2, Duration.ofSeconds(3600));
        Bytes ll = Bytes.fromHex("020000000a01");
        mag1.ref().tell(MagCommand.Attach.newAttachment("alice", ll, AccessTechnologyType.IEEE_802_11));
        alicePrefixes = mag1.expect(MagEvent.Registered.class, r -> r.kind() == PbuKind.INITIAL).homeNetworkPrefixes();
        mag1.ref().tell(MagCommand.Attach.newAttachment("bob", Bytes.fromHex("020000000a02"),
                AccessTechnologyType.IEEE_802_11));
        mag1.expect(MagEvent.Registered.class, r -> r.mobileNodeIdentifier().equals("bob"));
        // refresh-fraction 0.25 of 8 s: MAG1 refreshes alice after 2 s (RFC 5213 section 6.9.1.2)
        mag1.expect(MagEvent.Registered.class, r -> r.kind() == PbuKind.REFRESH && r.mobileNodeIdentifier().equals("alice"));
        kit.stop(mag1.ref()); // alice left MAG1's link without MAG1 noticing: no more refreshes from it

        mag2.ref().tell(MagCommand.Attach.handoff("alice", ll, AccessTechnologyType.IEEE_802_11, alicePrefixes));
        mag2.expect(MagEvent.Registered.class, r -> r.kind() == PbuKind.HANDOFF);
        mag2.ref().tell(new MagCommand.Detach("alice"));
        assertEquals(0, mag2.expect(MagEvent.Deregistered.class, d -> true).statusCode());
        // MinDelayBeforeBCEDelete of 1 s, then the entry is deleted and the pool takes the prefix back
        await(() -> types(join(history.timeline("alice"))).contains("PrefixesReleased"), "alice's session released");
    }

    @AfterAll
    void stop() {
        if (kit != null) {
            kit.shutdownTestKit();
        }
        nodes.forEach(MagNode::close);
        if (replay != null) {
            replay.close();
        }
        if (lma != null) {
            lma.close();
        }
        if (cassandra != null) {
            cassandra.close();
        }
    }

    @Test
    void theTimelineListsEveryEventInOrderWithItsMagAndPrefixes() {
        List<TimelineEntry> timeline = join(history.timeline("alice"));
        assertEquals(List.of("Registered", "Refreshed", "HandedOff", "Deregistered", "SessionDeleted", "PrefixesReleased"),
                collapseRepeats(types(timeline)), timeline.toString());
        for (int i = 0; i < timeline.size(); i++) {
            TimelineEntry e = timeline.get(i);
            assertEquals(i + 1, e.sequenceNr());
            assertEquals(alicePrefixes, e.prefixes());
            assertEquals("if-0", e.sessionKey());
            assertFalse(e.at().isBefore(start));
            if (i > 0) {
                assertFalse(e.at().isBefore(timeline.get(i - 1).at()), "in decision order");
            }
        }
        TimelineEntry registered = timeline.get(0);
        assertEquals(MAG1, registered.servingMag());
        assertEquals(Optional.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE), registered.handoffIndicator());
        assertEquals(8, registered.lifetimeSeconds().getAsInt());
        TimelineEntry handoff = entry(timeline, "HandedOff");
        assertEquals(Optional.of(MAG1), handoff.previousMag());
        assertEquals(MAG2, handoff.servingMag());
        assertEquals(Optional.of(HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE), handoff.handoffIndicator());
        TimelineEntry deregistered = entry(timeline, "Deregistered");
        assertEquals(SessionStatus.DEREGISTERED, deregistered.status());
        assertEquals(0, deregistered.lifetimeSeconds().getAsInt());
        assertEquals(SessionStatus.ENDED, entry(timeline, "SessionDeleted").status());
        assertTrue(join(history.timeline("nobody")).isEmpty());
    }

    @Test
    void theStateAtAnInstantIsRebuiltFromTheEvents() {
        List<TimelineEntry> timeline = join(history.timeline("alice"));
        Instant registered = timeline.get(0).at();
        assertTrue(join(history.stateAt("alice", registered.minusMillis(1))).sessions().isEmpty(), "before registration");

        MobilitySession afterRegistration = only(join(history.stateAt("alice", registered)));
        assertEquals(MAG1, afterRegistration.servingMag());
        assertEquals(alicePrefixes, afterRegistration.homeNetworkPrefixes());
        assertFalse(afterRegistration.isDeregistered());

        MobilitySession afterHandoff = only(join(history.stateAt("alice", entry(timeline, "HandedOff").at())));
        assertEquals(MAG2, afterHandoff.servingMag());
        assertEquals(alicePrefixes, afterHandoff.homeNetworkPrefixes());

        TimelineEntry deregistration = entry(timeline, "Deregistered");
        MobilitySession inMinDelay = only(join(history.stateAt("alice", deregistration.at())));
        assertTrue(inMinDelay.isDeregistered(), "RFC 5213 5.3.5: kept for MinDelayBeforeBCEDelete");
        assertEquals(deregistration.deleteAt(), inMinDelay.deleteAt());

        BindingState afterDeletion = join(history.stateAt("alice", Instant.now()));
        assertTrue(afterDeletion.sessions().isEmpty() && afterDeletion.isIdle(), afterDeletion.toString());
    }

    @Test
    void aMagsEventsIncludeTheHandoffAwayFromIt() {
        // bob stays at MAG1, which stopped refreshing him: his binding expires there (RFC 5213 5.3.3)
        await(() -> types(join(history.timeline("bob"))).contains("Expired"), "bob's binding expired");
        Instant to = Instant.now().plusSeconds(1);
        List<TimelineEntry> mag1 = awaitValue(() -> join(history.eventsForMag(MAG1, start, to)),
                es -> types(es).contains("HandedOff") && types(es).contains("Expired"), "MAG1's events");
        assertTrue(mag1.stream().allMatch(e -> e.servingMag().equals(MAG1) || e.previousMag().equals(Optional.of(MAG1))),
                mag1.toString());
        assertEquals(List.of("Registered", "Refreshed", "HandedOff"),
                collapseRepeats(types(mag1.stream().filter(e -> e.mnId().equals("alice")).toList())));
        List<String> bob = types(mag1.stream().filter(e -> e.mnId().equals("bob")).toList());
        assertEquals("Registered", bob.get(0), bob.toString());
        for (int i = 1; i < mag1.size(); i++) {
            assertFalse(mag1.get(i).at().isBefore(mag1.get(i - 1).at()), "ordered by time");
        }

        List<TimelineEntry> mag2 = awaitValue(() -> join(history.eventsForMag(MAG2, start, to)),
                es -> types(es).contains("PrefixesReleased"), "MAG2's events");
        assertEquals(List.of("HandedOff", "Deregistered", "SessionDeleted", "PrefixesReleased"), types(mag2));
        assertTrue(join(history.eventsForMag(MAG2, start.minusSeconds(3600), start)).isEmpty(), "outside the range");
    }

    @Test
    void theWholeJournalCheckFindsAPrefixPlantedOnASecondMobileNode() throws Exception {
        List<Long> progress = new ArrayList<>();
        InvariantReport clean = join(history.checkAll((ids, events) -> progress.add(ids)));
        assertTrue(clean.ok(), clean.violations().toString());
        assertTrue(clean.persistenceIds() >= 2 && clean.events() >= 7, clean.toString());
        assertEquals(clean.persistenceIds(), progress.get(progress.size() - 1));

        // mallory holds alice's prefix while alice still does: a history the LMA never writes
        TimelineEntry aliceRegistered = join(history.timeline("alice")).get(0);
        Instant overlap = aliceRegistered.at().plusMillis(100);
        BindingEvent planted = new BindingEvent.Registered("mallory", "if-0", overlap, MAG2, "127.0.0.1",
                alicePrefixes, Optional.empty(), AccessTechnologyType.IEEE_802_11, Optional.empty(),
                HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE, Optional.empty(), 1, 60, java.util.OptionalLong.empty());
        ActorTestKit writer = ActorTestKit.create("planter", plantingConfig());
        try {
            ActorRef<JournalWriter.Write> mallory = writer.spawn(JournalWriter.create("mallory"));
            TestProbe<Done> done = writer.createTestProbe();
            mallory.tell(new JournalWriter.Write(planted, done.getRef()));
            done.expectMessage(WAIT, Done.done());
        } finally {
            writer.shutdownTestKit();
        }

        InvariantReport report = join(history.checkAll(ReplayProgress.NONE));
        assertEquals(1, report.violations().size(), report.violations().toString());
        Violation v = report.violations().get(0);
        assertEquals(Invariant.PREFIX_HELD_BY_TWO_MOBILE_NODES, v.invariant());
        assertEquals(List.of("Binding|alice", "Binding|mallory"), v.persistenceIds());
        assertTrue(v.summary().contains(alicePrefixes.get(0).toString()), v.summary());
        assertEquals(1, v.events().get(1).sequenceNr());
        assertEquals(planted, v.events().get(1).event());
    }

    private Config plantingConfig() {
        return ConfigFactory.parseString("pmip.cassandra.contact-points = [\"" + cassandra.contactPointString() + "\"]")
                .withFallback(ReplaySystem.config(Optional.empty(), Map.of(
                        "PMIP_CASSANDRA_CONTACT_POINTS", cassandra.contactPointString())));
    }

    private TestMag udpMag(String address, Duration lifetime) throws Exception {
        InetAddress local = InetAddress.getByName(address);
        MagNode node = MagNode.open(TransportConfig.udpIpv4(local, 0));
        nodes.add(node);
        MagConfig config = MagConfig.defaults(local, lma.udpAddress().getAddress(), lma.udpAddress().getPort())
                .withRequestedLifetime(lifetime).withRefreshFraction(0.25)
                .withBindackTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(8));
        TestProbe<MagEvent> events = kit.createTestProbe(MagEvent.class);
        return new TestMag(kit.spawn(MagActor.create(config, node, events.getRef()::tell, Clock.systemUTC())), events, WAIT);
    }

    private static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <T> T awaitValue(Supplier<T> read, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " never complete: " + value);
            }
            sleep();
            value = read.get();
        }
        return value;
    }

    private static void await(Supplier<Boolean> condition, String what) {
        awaitValue(condition, b -> b, what);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> types(List<TimelineEntry> timeline) {
        return timeline.stream().map(TimelineEntry::type).toList();
    }

    private static List<String> collapseRepeats(List<String> types) {
        List<String> out = new ArrayList<>();
        for (String t : types) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static TimelineEntry entry(List<TimelineEntry> timeline, String type) {
        return timeline.stream().filter(e -> e.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + timeline));
    }

    private static MobilitySession only(BindingState state) {
        assertEquals(1, state.sessions().size(), state.toString());
        return state.all().get(0);
    }
}
