package io.pmip.lma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.lma.bulk.BulkDecision;
import io.pmip.lma.bulk.BulkGroupEntity;
import io.pmip.lma.bulk.BulkRequest;
import io.pmip.lma.bulk.GroupKey;
import io.pmip.protocol.mh.BindingAckStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A binding in an RFC 6602 group lives until the later of its own lifetime and its group's lease. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BindingGroupLeaseTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private EntityFixture fx;

    @BeforeAll
    void start() {
        fx = EntityFixture.start("binding-group-lease-test");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    /** A registration from MAG1 in group {@code group} with a lifetime of one second. */
    private static PbuRequest registration(String mnId, long group) {
        Pbus p = Pbus.initial(mnId).lifetime(1);
        return new PbuRequest(mnId, p.mag(), Pbus.LMAA, p.prefixes(), p.hi(), p.att(), p.llid(), p.timestamp(),
                p.sequence(), p.lifetime(), true, OptionalLong.of(group));
    }

    @Test
    void theGroupsLeaseKeepsABindingPastItsLifetimeAndItExpiresWhenTheLeaseEnds() throws InterruptedException {
        String mnId = "leased@lab.example";
        GroupKey key = new GroupKey(Pbus.MAG1, 42);
        // The real group entity, with every command it receives copied to a probe.
        TestProbe<BulkGroupEntity.Command> seen = fx.kit().createTestProbe(BulkGroupEntity.Command.class);
        ActorRef<BulkGroupEntity.Command> group = fx.kit().spawn(Behaviors.monitor(BulkGroupEntity.Command.class,
                seen.getRef(),
                BulkGroupEntity.create(key, fx.settings(), fx.clock(), (m, fact) -> { }, new AtomicLong())));
        var binding = EventSourcedBehaviorTestKit.<BindingEntity.Command, BindingEvent, BindingState>create(
                fx.kit().system(), BindingEntity.create(mnId, fx.policy(), fx.settings(), fx.pools().pools(),
                        fx.clock(), Optional.empty(), Optional.of(k -> group)));

        PbaDecision registered = binding.<PbaDecision>runCommand(
                r -> new BindingEntity.HandleProxyBindingUpdate(registration(mnId, 42), r)).reply();
        assertEquals(BindingAckStatus.ACCEPTED, registered.status(), registered.detail());
        assertEquals(OptionalLong.of(42), registered.bulkGroupId());
        seen.fishForMessage(WAIT, c -> c instanceof BulkGroupEntity.MemberJoined j && j.mnId().equals(mnId)
                ? FishingOutcomes.complete()
                : FishingOutcomes.continueAndIgnore());

        // One bulk refresh: the group's lease runs 3 s, its member's own lifetime 1 s.
        TestProbe<BulkDecision> answers = fx.kit().createTestProbe(BulkDecision.class);
        group.tell(new BulkGroupEntity.HandleBulkUpdate(new BulkRequest(key, Pbus.LMAA, 3, 2, Optional.empty()),
                answers.getRef()));
        assertEquals(BindingAckStatus.ACCEPTED, answers.receiveMessage(WAIT).status());
        Instant leaseEnd = fx.clock().instant().plusSeconds(3);

        // Past its own lifetime, inside the lease: the binding asks the group, and asks again at the lease end.
        fx.clock().advance(Duration.ofSeconds(2));
        awaitLeaseAsk(seen, mnId);
        awaitLeaseAsk(seen, mnId);
        List<Object> journal = binding.persistenceTestKit().persistedInStorage(BindingEntity.persistenceId(mnId).id());
        assertEquals(1, journal.size(), "only Registered: the lease kept the binding, with no event per refresh");
        assertFalse(binding.getState().sessions().isEmpty());

        // The lease is over: at its next look the binding expires.
        fx.clock().advance(Duration.ofSeconds(2));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!binding.getState().sessions().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        journal = binding.persistenceTestKit().persistedInStorage(BindingEntity.persistenceId(mnId).id());
        BindingEvent.Expired expired = assertInstanceOf(BindingEvent.Expired.class, journal.get(1));
        assertTrue(!expired.at().isBefore(leaseEnd), "expired at " + expired.at() + ", not before the lease end "
                + leaseEnd);
    }

    private static void awaitLeaseAsk(TestProbe<BulkGroupEntity.Command> seen, String mnId) {
        seen.fishForMessage(WAIT, c -> c instanceof BulkGroupEntity.GetLease g && g.mnId().equals(mnId)
                ? FishingOutcomes.complete()
                : FishingOutcomes.continueAndIgnore());
    }
}
