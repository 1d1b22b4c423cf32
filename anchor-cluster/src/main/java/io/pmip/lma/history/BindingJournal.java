package io.pmip.lma.history;

import io.pmip.lma.BindingEntity;
import io.pmip.lma.BindingEvent;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentPersistenceIdsQuery;
import org.apache.pekko.persistence.query.javadsl.ReadJournal;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The binding entities' events as Pekko Persistence Query exposes them: only "current" queries
 * (what is stored now, then the stream completes), only {@link BindingEvent}s of
 * {@code Binding|...} persistence ids.
 */
public final class BindingJournal {
    /** Persistence ids of binding entities start with this: {@code Binding|<mnId>}. */
    public static final String PERSISTENCE_ID_PREFIX = BindingEntity.TYPE_KEY.name() + "|";

    private final CurrentPersistenceIdsQuery ids;
    private final CurrentEventsByPersistenceIdQuery byId;
    private final CurrentEventsByTagQuery byTag;
    private final Function<Instant, Offset> offsetAt;

    private <J extends ReadJournal & CurrentPersistenceIdsQuery & CurrentEventsByPersistenceIdQuery & CurrentEventsByTagQuery>
            BindingJournal(J journal, Function<Instant, Offset> offsetAt) {
        this.ids = journal;
        this.byId = journal;
        this.byTag = journal;
        this.offsetAt = offsetAt;
    }

    /**
     * Over any read journal with the three current queries; {@code offsetAt} turns an instant into
     * the journal's tag offset to start from.
     */
    public static <J extends ReadJournal & CurrentPersistenceIdsQuery & CurrentEventsByPersistenceIdQuery & CurrentEventsByTagQuery>
            BindingJournal of(J journal, Function<Instant, Offset> offsetAt) {
        return new BindingJournal(journal, offsetAt);
    }

    /** The Cassandra journal the system's configuration points at (pekko-persistence-cassandra). */
    public static BindingJournal cassandra(ActorSystem<?> system) {
        CassandraReadJournal journal = PersistenceQuery.get(system)
                .getReadJournalFor(CassandraReadJournal.class, CassandraReadJournal.Identifier());
        return new BindingJournal(journal, at -> journal.timeBasedUUIDFrom(at.toEpochMilli()));
    }

    public static String persistenceId(String mnId) {
        return BindingEntity.persistenceId(mnId).id();
    }

    /** The tags binding events are written with: one per slice of {@link BindingEntity#TAG_SLICES}. */
    public static List<String> tags() {
        return IntStream.range(0, BindingEntity.TAG_SLICES).mapToObj(BindingEntity::tagOfSlice).toList();
    }

    /** Every binding entity that ever journaled, in no particular order. */
    public Source<String, NotUsed> persistenceIds() {
        return ids.currentPersistenceIds().filter(id -> id.startsWith(PERSISTENCE_ID_PREFIX));
    }

    /** One entity's events in sequence-number order. */
    public Source<JournalRecord, NotUsed> events(String persistenceId) {
        return byId.currentEventsByPersistenceId(persistenceId, 0L, Long.MAX_VALUE)
                .filter(e -> e.event() instanceof BindingEvent)
                .map(BindingJournal::record);
    }

    /**
     * The events of one tag stored from {@code from} on, in the tag's offset order. Cassandra holds
     * back the newest events (its {@code eventual-consistency-delay}, 5 s by default) so that a
     * late write cannot slip in before them.
     */
    public Source<JournalRecord, NotUsed> eventsByTag(String tag, Instant from) {
        return byTag.currentEventsByTag(tag, offsetAt.apply(from))
                .filter(e -> e.event() instanceof BindingEvent)
                .map(BindingJournal::record);
    }

    private static JournalRecord record(EventEnvelope e) {
        return new JournalRecord(e.persistenceId(), e.sequenceNr(), Instant.ofEpochMilli(e.timestamp()),
                (BindingEvent) e.event());
    }
}
