package io.pmip.lma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.typesafe.config.Config;
import io.pmip.lma.policy.LmaPolicy;
import io.pmip.lma.prefix.LocalPrefixPools;
import io.pmip.protocol.mh.BindingAckStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A failed journal write restarts the binding entity after a back-off instead of stopping it for good. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BindingEntityJournalFailureTest {
    private ActorTestKit kit;
    private PersistenceTestKit journal;
    private LmaPolicy policy;
    private LmaSettings settings;
    private LocalPrefixPools pools;

    @BeforeAll
    void start() {
        Config config = TestConfigs.actorSystem();
        kit = ActorTestKit.create("binding-journal-failure-test", config);
        journal = PersistenceTestKit.create(kit.system());
        policy = LmaPolicy.fromConfig(config.getConfig("pmip.lma"));
        settings = LmaSettings.fromConfig(config.getConfig("pmip.lma"));
        pools = new LocalPrefixPools(kit, config.getConfig("pmip.lma.prefix-pools"));
    }

    @AfterAll
    void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void aRetransmissionAfterAFailedJournalWriteIsAccepted() {
        String mnId = "journal-hiccup@lab.example";
        ActorRef<BindingEntity.Command> entity = kit.spawn(BindingEntity.create(mnId, policy, settings,
                pools.pools(), Clock.systemUTC(), Optional.empty()));
        TestProbe<PbaDecision> mag = kit.createTestProbe();
        journal.failNextPersisted(BindingEntity.persistenceId(mnId).id());
        entity.tell(new BindingEntity.HandleProxyBindingUpdate(Pbus.initial(mnId).request(), mag.ref()));
        // The failed write is never acknowledged; like a MAG (RFC 6275 section 11.8) the test retransmits.
        PbaDecision answer = null;
        for (int attempt = 0; attempt < 10 && answer == null; attempt++) {
            try {
                answer = mag.receiveMessage(Duration.ofSeconds(1));
            } catch (AssertionError noAnswerYet) {
                entity.tell(new BindingEntity.HandleProxyBindingUpdate(Pbus.initial(mnId).request(), mag.ref()));
            }
        }
        assertNotNull(answer, "the entity never answered again: stopped by the journal failure");
        assertEquals(BindingAckStatus.ACCEPTED, answer.status(), answer.detail());
        journal.expectNextPersistedClass(BindingEntity.persistenceId(mnId).id(), BindingEvent.Registered.class);
    }
}
