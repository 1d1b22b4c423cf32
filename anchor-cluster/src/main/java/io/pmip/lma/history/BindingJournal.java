package io.pmip.lma.history;

import io.pmip.lma.BindingEntity;
import io.pmip.lma.BindingEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
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

    private BindingJournal(String pluginId, ReadJournal journal) {
        this(pluginId, journal, journal instanceof CurrentPersistenceIdsQuery q
                ? Optional.of(q::currentPersistenceIds) : Optional.empty());
    }

    private BindingJournal(String pluginId, ReadJournal journal, Optional<Supplier<Source<String, NotUsed>>> ids) {
        if (!(journal instanceof CurrentEventsByPersistenceIdQuery events)) {
            throw new IllegalArgumentException("read journal " + pluginId + " cannot read one persistence id's events");
        }
        this.pluginId = pluginId;
        this.byId = events;
        this.ids = ids;
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
        return new BindingJournal(CassandraReadJournal.Identifier(), journal, Optional.of(() -> scaladsl.currentPersistenceIdsFromMessages().asJava()));
    }

    /**
     * The read journal configured at {@code pluginId}, with whichever of the queries it has: one
     * node's timeline needs only events by persistence id, which every read journal offers (one
     * without a persistence ids query allows neither a whole-journal check nor a MAG's timeline).
     */
    public static BindingJournal forPlugin(ActorSystem<?> system, String pluginId) {
        if (pluginId.equals(CassandraReadJournal.Identifier())) {
            return cassandra(system);
        }
        return new BindingJournal(pluginId, PersistenceQuery.get(system).getReadJournalFor(ReadJournal.class, pluginId));
    }

    public static String persistenceId(String mnId) {
        return BindingEntity.persistenceId(mnId).id();
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

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("read journal " + pluginId + " cannot " + what);
    }

    private static JournalRecord record(EventEnvelope e) {
        return new JournalRecord(e.persistenceId(), e.sequenceNr(), Instant.ofEpochMilli(e.timestamp()),
                (BindingEvent) e.event());
    }
}
