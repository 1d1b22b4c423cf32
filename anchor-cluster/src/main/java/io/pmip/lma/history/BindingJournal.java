package io.pmip.lma.history;

import io.pmip.lma.BindingEntity;
import io.pmip.lma.BindingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
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

    private final String pluginId;
    private final CurrentEventsByPersistenceIdQuery byId;
    /** Every persistence id the journal holds, when the journal can list them. */
    private final Optional<Supplier<Source<String, NotUsed>>> ids;
    private final Optional<CurrentEventsByTagQuery> byTag;
    private final Function<Instant, Offset> offsetAt;

    private BindingJournal(String pluginId, ReadJournal journal, Function<Instant, Offset> offsetAt) {
        this(pluginId, journal, offsetAt, journal instanceof CurrentPersistenceIdsQuery q
                ? Optional.of(q::currentPersistenceIds) : Optional.empty());
    }

    private BindingJournal(String pluginId, ReadJournal journal, Function<Instant, Offset> offsetAt,
                           Optional<Supplier<Source<String, NotUsed>>> ids) {
        if (!(journal instanceof CurrentEventsByPersistenceIdQuery events)) {
            throw new IllegalArgumentException("read journal " + pluginId + " cannot read one persistence id's events");
        }
        this.pluginId = pluginId;
        this.byId = events;
        this.ids = ids;
        this.byTag = journal instanceof CurrentEventsByTagQuery q ? Optional.of(q) : Optional.empty();
        this.offsetAt = offsetAt;
    }

    /**
     * Over any read journal with the three current queries; {@code offsetAt} turns an instant into
     * the journal's tag offset to start from.
     */
    public static <J extends ReadJournal & CurrentPersistenceIdsQuery & CurrentEventsByPersistenceIdQuery & CurrentEventsByTagQuery>
            BindingJournal of(J journal, Function<Instant, Offset> offsetAt) {
        return new BindingJournal(journal.getClass().getSimpleName(), journal, offsetAt);
    }

    /**
     * The Cassandra journal the system's configuration points at (pekko-persistence-cassandra). Its
     * persistence ids come from the messages table's partition keys: the journal does not keep the
     * all_persistence_ids table (persistence.conf: one write less per new binding), and the scan sees
     * the ids written before that too.
     */
    public static BindingJournal cassandra(ActorSystem<?> system) {
        CassandraReadJournal journal = PersistenceQuery.get(system)
                .getReadJournalFor(CassandraReadJournal.class, CassandraReadJournal.Identifier());
        // The same plugin instance; only its Scala API has the scan of the messages table.
        org.apache.pekko.persistence.cassandra.query.scaladsl.CassandraReadJournal scaladsl = PersistenceQuery.get(system)
                .readJournalFor(CassandraReadJournal.Identifier());
        return new BindingJournal(CassandraReadJournal.Identifier(), journal,
                at -> journal.timeBasedUUIDFrom(at.toEpochMilli()),
                Optional.of(() -> scaladsl.currentPersistenceIdsFromMessages().asJava()));
    }

    /**
     * The read journal configured at {@code pluginId}, with whichever of the queries it has: one
     * node's timeline needs only events by persistence id, which every read journal offers (one
     * without a persistence ids query allows no whole-journal check). Tag queries start from the
     * beginning: only Cassandra's offsets are known to be time based.
     */
    public static BindingJournal forPlugin(ActorSystem<?> system, String pluginId) {
        if (pluginId.equals(CassandraReadJournal.Identifier())) {
            return cassandra(system);
        }
        return new BindingJournal(pluginId, PersistenceQuery.get(system).getReadJournalFor(ReadJournal.class, pluginId),
                at -> Offset.noOffset());
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
        return ids.orElseThrow(() -> unsupported("list persistence ids")).get()
                .filter(id -> id.startsWith(PERSISTENCE_ID_PREFIX));
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
        return byTag.orElseThrow(() -> unsupported("read events by tag")).currentEventsByTag(tag, offsetAt.apply(from))
                .filter(e -> e.event() instanceof BindingEvent)
                .map(BindingJournal::record);
    }

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("read journal " + pluginId + " cannot " + what);
    }

    private static JournalRecord record(EventEnvelope e) {
        return new JournalRecord(e.persistenceId(), e.sequenceNr(), Instant.ofEpochMilli(e.timestamp()),
                (BindingEvent) e.event());
    }
}
