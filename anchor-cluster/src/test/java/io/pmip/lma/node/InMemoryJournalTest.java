package io.pmip.lma.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.persistence.query.javadsl.ReadJournal;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The journal of {@code journal = inmem}, as configured in lma-node.conf, under a real event-sourced actor. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InMemoryJournalTest {
    private ActorTestKit kit;
    private InMemoryReadJournal query;

    @BeforeAll
    void start() {
        Config node = ConfigFactory.parseResources("lma-node.conf");
        Config config = ConfigFactory.parseString("""
                pekko.persistence.journal.plugin = "pmip.inmem-journal"
                pekko.persistence.snapshot-store.plugin = "pmip.inmem-snapshot-store"
                """)
                .withValue("pmip.inmem-journal", node.getValue("pmip.inmem-journal"))
                .withValue("pmip.inmem-snapshot-store", node.getValue("pmip.inmem-snapshot-store"))
                .withFallback(ConfigFactory.load());
        kit = ActorTestKit.create("in-memory-journal-test", config);
        query = (InMemoryReadJournal) PersistenceQuery.get(kit.system())
                .getReadJournalFor(ReadJournal.class, "pmip.inmem-journal.query");
    }

    @AfterAll
    void stop() {
        kit.shutdownTestKit();
    }

    /** Appends each command to its state (a list) and tags every event with {@code tag}. */
    record Append(String value, ActorRef<List<String>> replyTo) {
    }

    private static Behavior<Append> appender(String id, String tag) {
        return new EventSourcedBehavior<Append, String, List<String>>(PersistenceId.ofUniqueId(id)) {
            @Override
            public List<String> emptyState() {
                return List.of();
            }

            @Override
            public CommandHandler<Append, String, List<String>> commandHandler() {
                return (state, cmd) -> cmd.value().isEmpty()
                        ? Effect().none().thenReply(cmd.replyTo(), s -> s)
                        : Effect().persist(cmd.value()).thenReply(cmd.replyTo(), s -> s);
            }

            @Override
            public EventHandler<List<String>, String> eventHandler() {
                return (state, event) -> {
                    List<String> next = new ArrayList<>(state);
                    next.add(event);
                    return List.copyOf(next);
                };
            }

            @Override
            public Set<String> tagsFor(String event) {
                return Set.of(tag);
            }
        };
    }

    private List<String> append(String id, String tag, String... values) {
        TestProbe<List<String>> probe = kit.createTestProbe();
        ActorRef<Append> actor = kit.spawn(appender(id, tag));
        List<String> state = List.of();
        for (String v : values) {
            actor.tell(new Append(v, probe.ref()));
            state = probe.receiveMessage(Duration.ofSeconds(5));
        }
        kit.stop(actor, Duration.ofSeconds(5));
        return state;
    }

    private List<EventEnvelope> tagged(String tag, Offset from) throws Exception {
        return query.currentEventsByTag(tag, from).runWith(Sink.seq(), kit.system()).toCompletableFuture()
                .get(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void aRestartedActorRecoversItsEventsAndContinuesTheirSequence() throws Exception {
        assertEquals(List.of("a", "b"), append("journal-test-1", "t1", "a", "b"));
        assertEquals(List.of("a", "b", "c"), append("journal-test-1", "t1", "c"), "recovered, then appended");
        List<EventEnvelope> events = query.currentEventsByPersistenceId("journal-test-1", 0, Long.MAX_VALUE)
                .runWith(Sink.seq(), kit.system()).toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(EventEnvelope::sequenceNr).toList());
        assertEquals(List.of("a", "b", "c"), events.stream().map(EventEnvelope::event).toList(), "stored untagged");
        List<String> ids = query.currentPersistenceIds().runWith(Sink.seq(), kit.system()).toCompletableFuture()
                .get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(ids.contains("journal-test-1"), ids.toString());
    }

    @Test
    void aTagIsReadInWriteOrderAndFromAnOffsetOnlyWhatCameAfterIt() throws Exception {
        append("journal-test-2a", "t2", "x1", "x2");
        append("journal-test-2b", "t2", "y1");
        append("journal-test-2c", "other", "z1");
        List<EventEnvelope> all = tagged("t2", Offset.noOffset());
        assertEquals(List.of("x1", "x2", "y1"), all.stream().map(EventEnvelope::event).toList());
        assertEquals(List.of(Sequence.apply(1), Sequence.apply(2), Sequence.apply(3)),
                all.stream().map(EventEnvelope::offset).toList());

        append("journal-test-2a", "t2", "x3");
        List<EventEnvelope> after = tagged("t2", all.get(all.size() - 1).offset());
        assertEquals(List.of("x3"), after.stream().map(EventEnvelope::event).toList(), "only the new event");
        assertEquals("journal-test-2a", after.get(0).persistenceId());
        assertEquals(3L, after.get(0).sequenceNr());
        assertEquals(List.of(), tagged("t2", after.get(0).offset()));
    }

    @Test
    void deletedEventsAreNotReplayedButTheSequenceGoesOn() {
        append("journal-test-3", "t3", "a", "b", "c");
        InMemoryEventLog log = InMemoryEventLog.get(kit.system());
        log.deleteTo("journal-test-3", 2);
        assertEquals(3L, log.highestSequenceNr("journal-test-3"));
        assertEquals(List.of("c", "d"), append("journal-test-3", "t3", "d"), "recovers from event 3 on, then 4");
        assertEquals(List.of(3L, 4L), log.events("journal-test-3", 0, Long.MAX_VALUE, Long.MAX_VALUE).stream()
                .map(r -> r.sequenceNr()).toList());
    }
}
