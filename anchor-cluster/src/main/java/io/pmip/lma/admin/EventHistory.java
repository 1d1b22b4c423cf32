package io.pmip.lma.admin;

import io.pmip.lma.BindingEntity;
import io.pmip.lma.BindingEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * The journal of one mobile node, oldest first, read with {@code currentEventsByPersistenceId}. A
 * minimal reader of its own rather than the replay branch's io.pmip.lma.history.BindingHistory: that
 * one needs a read journal with {@code currentPersistenceIds}, which the in-memory testkit read journal
 * lacks; with Cassandra either would do.
 */
public final class EventHistory {
    /** One journaled event with its sequence number and the time the journal stored it. */
    public record Entry(long sequenceNr, Instant storedAt, BindingEvent event) {
    }

    private final ActorSystem<?> system;
    private final CurrentEventsByPersistenceIdQuery query;

    public EventHistory(ActorSystem<?> system, String readJournalPluginId) {
        this.system = system;
        this.query = PersistenceQuery.get(system).getReadJournalFor(CurrentEventsByPersistenceIdQuery.class,
                readJournalPluginId);
    }

    /** Every event of {@code mnId} in the journal now; empty for a mobile node never registered. */
    public CompletionStage<List<Entry>> events(String mnId) {
        return query.currentEventsByPersistenceId(BindingEntity.persistenceId(mnId).id(), 0L, Long.MAX_VALUE)
                .filter(envelope -> envelope.event() instanceof BindingEvent)
                .map(envelope -> new Entry(envelope.sequenceNr(), Instant.ofEpochMilli(envelope.timestamp()),
                        (BindingEvent) envelope.event()))
                .runWith(Sink.seq(), system);
    }
}
