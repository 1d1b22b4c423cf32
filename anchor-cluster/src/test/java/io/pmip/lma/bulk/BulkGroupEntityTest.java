package io.pmip.lma.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.pmip.lma.LmaSettings;
import io.pmip.lma.ManualClock;
import io.pmip.lma.PmipTimestamp;
import io.pmip.lma.TestConfigs;
import io.pmip.protocol.mh.BindingAckStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkGroupEntityTest {
    private static final String MAG = "2001:db8:ff::1";
    private static final AtomicInteger GROUPS = new AtomicInteger(100);

    private ActorTestKit kit;
    private LmaSettings settings;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final ConcurrentLinkedQueue<String> deregistered = new ConcurrentLinkedQueue<>();
    private final AtomicLong existing = new AtomicLong();

    @BeforeAll
    void start() {
        Config config = TestConfigs.actorSystem();
        kit = ActorTestKit.create("bulk-group-test", config);
        settings = LmaSettings.fromConfig(config.getConfig("pmip.lma"));
    }

    @AfterAll
    void stop() {
        kit.shutdownTestKit();
    }

    private EventSourcedBehaviorTestKit<BulkGroupEntity.Command, BulkGroupEvent, BulkGroupState> group(GroupKey key) {
        return EventSourcedBehaviorTestKit.create(kit.system(), BulkGroupEntity.create(key, settings, clock,
                (mnId, fact) -> deregistered.add(mnId + "@" + fact.group().entityId()), existing));
    }

    private static GroupKey newKey() {
        return new GroupKey(MAG, GROUPS.incrementAndGet());
    }

    private BulkRequest refresh(GroupKey key, int lifetime, int sequence) {
        return new BulkRequest(key, "2001:db8:ff::100", lifetime, sequence, Optional.of(PmipTimestamp.of(clock.instant())));
    }

    private static BulkDecision bulk(EventSourcedBehaviorTestKit<BulkGroupEntity.Command, BulkGroupEvent, BulkGroupState> g,
                                     BulkRequest request) {
        return g.<BulkDecision>runCommand(r -> new BulkGroupEntity.HandleBulkUpdate(request, r)).reply();
    }

    private static void join(EventSourcedBehaviorTestKit<BulkGroupEntity.Command, BulkGroupEvent, BulkGroupState> g,
                             int members) {
        for (int i = 0; i < members; i++) {
            g.runCommand(new BulkGroupEntity.MemberJoined("mn" + i + "@lab.example", "if-0"));
        }
    }

    @Test
    void aGroupNoBindingWasRegisteredWithIsAnsweredWith175() {
        GroupKey key = newKey();
        var g = group(key);
        var r = g.<BulkDecision>runCommand(rep -> new BulkGroupEntity.HandleBulkUpdate(refresh(key, 40, 1), rep));
        assertEquals(BindingAckStatus.INVALID_MOBILE_NODE_GROUP_IDENTIFIER, r.reply().status());
        assertEquals(0, r.reply().lifetimeSeconds());
        assertTrue(r.hasNoEvents(), "a rejection journals nothing");
    }

    @Test
    void membersJoiningJournalOnlyTheGroupsCreation() {
        GroupKey key = newKey();
        var g = group(key);
        join(g, 100);
        List<Object> events = g.persistenceTestKit().persistedInStorage(BulkGroupEntity.persistenceId(key).id());
        assertEquals(1, events.size(), "one GroupCreated, no event per member");
        assertInstanceOf(BulkGroupEvent.GroupCreated.class, events.get(0));
        var view = g.<BulkGroupEntity.GroupView>runCommand(BulkGroupEntity.GetView::new).reply();
        assertEquals(100, view.members());
        assertTrue(view.exists());
    }

    @Test
    void aBulkRefreshIsOneLeaseEventWhateverTheGroupsSize() {
        GroupKey key = newKey();
        var g = group(key);
        join(g, 100);
        var r = g.<BulkDecision>runCommand(rep -> new BulkGroupEntity.HandleBulkUpdate(refresh(key, 100_000, 7), rep));
        assertEquals(BindingAckStatus.ACCEPTED, r.reply().status(), r.reply().detail());
        assertEquals(3600, r.reply().lifetimeSeconds(), "never more than the LMA's maximum lifetime");
        assertEquals(1, r.events().size());
        var lease = assertInstanceOf(BulkGroupEvent.LeaseGranted.class, r.events().get(0));
        assertEquals(clock.instant().plusSeconds(3600), lease.until());
        var answer = g.<BulkGroupEntity.Lease>runCommand(rep -> new BulkGroupEntity.GetLease("mn1@lab.example", "if-0",
                rep)).reply();
        assertEquals(Optional.of(lease.until()), answer.until());
    }

    @Test
    void anOlderBulkPbuIsRefusedAndChangesNothing() {
        GroupKey key = newKey();
        var g = group(key);
        join(g, 1);
        BulkRequest first = refresh(key, 40, 5);
        assertEquals(BindingAckStatus.ACCEPTED, bulk(g, first).status());
        var replay = g.<BulkDecision>runCommand(rep -> new BulkGroupEntity.HandleBulkUpdate(first, rep));
        assertEquals(BindingAckStatus.TIMESTAMP_LOWER_THAN_PREV_ACCEPTED, replay.reply().status());
        assertTrue(replay.hasNoEvents());
        BulkRequest skewed = new BulkRequest(key, "2001:db8:ff::100", 40, 6,
                Optional.of(PmipTimestamp.of(clock.instant().minusSeconds(60))));
        BulkDecision mismatch = bulk(g, skewed);
        assertEquals(BindingAckStatus.TIMESTAMP_MISMATCH, mismatch.status());
        assertEquals(Optional.of(PmipTimestamp.of(clock.instant())), mismatch.timestamp(), "carries the LMA's time");
    }

    @Test
    void theLeaseAndTheGroupSurviveARestartAndMembersAreLearnedAgain() {
        GroupKey key = newKey();
        var g = group(key);
        join(g, 3);
        BulkDecision granted = bulk(g, refresh(key, 600, 1));
        BulkGroupState before = g.getState();
        var restarted = g.restart();
        assertEquals(before, restarted.state(), "recovered from the journal (CBOR round trip)");
        var lease = g.<BulkGroupEntity.Lease>runCommand(rep -> new BulkGroupEntity.GetLease("mn0@lab.example", "if-0",
                rep)).reply();
        assertEquals(Optional.of(clock.instant().plusSeconds(granted.lifetimeSeconds())), lease.until());
        // Members are not journaled: the one that asked for its lease is known again.
        assertEquals(1, g.<BulkGroupEntity.GroupView>runCommand(BulkGroupEntity.GetView::new).reply().members());
        clock.advance(Duration.ofSeconds(601));
        var over = g.<BulkGroupEntity.Lease>runCommand(rep -> new BulkGroupEntity.GetLease("mn0@lab.example", "if-0",
                rep)).reply();
        assertEquals(Optional.empty(), over.until(), "a lease that ran out keeps nobody");
    }

    @Test
    void aBulkDeregistrationReachesEveryKnownMemberAndEndsTheGroup() {
        GroupKey key = newKey();
        var g = group(key);
        join(g, 3);
        g.runCommand(new BulkGroupEntity.MemberLeft("mn2@lab.example", "if-0"));
        long before = existing.get();
        var r = g.<BulkDecision>runCommand(rep -> new BulkGroupEntity.HandleBulkUpdate(refresh(key, 0, 2), rep));
        assertEquals(BindingAckStatus.ACCEPTED, r.reply().status());
        assertEquals(0, r.reply().lifetimeSeconds());
        assertInstanceOf(BulkGroupEvent.GroupDeregistered.class, r.events().get(0));
        assertTrue(deregistered.contains("mn0@lab.example@" + key.entityId()));
        assertTrue(deregistered.contains("mn1@lab.example@" + key.entityId()));
        assertFalse(deregistered.contains("mn2@lab.example@" + key.entityId()), "it had left the group");
        assertEquals(before - 1, existing.get(), "the gauge no longer counts it");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(BindingAckStatus.INVALID_MOBILE_NODE_GROUP_IDENTIFIER, bulk(g, refresh(key, 40, 3)).status(),
                "RFC 6602: the group is gone");
    }
}
