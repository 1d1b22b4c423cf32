package io.pmip.lma.node;

import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.ReadJournalProvider;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentPersistenceIdsQuery;
import org.apache.pekko.persistence.query.javadsl.ReadJournal;
import org.apache.pekko.stream.javadsl.Source;
import com.typesafe.config.Config;
import scala.Option;

/**
 * The read journal of {@code journal = inmem} ({@link InMemoryEventLog}): what is stored now, then
 * the stream completes. Tag offsets are {@link Sequence}s, exclusive: {@code Sequence(n)} starts after
 * the n-th event of the tag, so a poller that passes the last offset it saw reads only what is new.
 */
public final class InMemoryReadJournal implements ReadJournal, CurrentEventsByTagQuery,
        CurrentEventsByPersistenceIdQuery, CurrentPersistenceIdsQuery {
    private final InMemoryEventLog log;

    InMemoryReadJournal(InMemoryEventLog log) {
        this.log = log;
    }

    @Override
    public Source<EventEnvelope, NotUsed> currentEventsByTag(String tag, Offset offset) {
        long after;
        if (offset instanceof Sequence s) {
            after = s.value();
        } else if (offset == Offset.noOffset()) {
            after = 0;
        } else {
            return Source.failed(new IllegalArgumentException("the in-memory journal's tag offsets are Sequence, not "
                    + offset));
        }
        return Source.from(log.tagged(tag, after)).map(t -> envelope(Sequence.apply(t.offset()), t.repr()));
    }

    @Override
    public Source<EventEnvelope, NotUsed> currentEventsByPersistenceId(String persistenceId, long fromSequenceNr,
            long toSequenceNr) {
        return Source.from(log.events(persistenceId, fromSequenceNr, toSequenceNr, Long.MAX_VALUE))
                .map(r -> envelope(Sequence.apply(r.sequenceNr()), r));
    }

    @Override
    public Source<String, NotUsed> currentPersistenceIds() {
        return Source.from(log.persistenceIds());
    }

    private static EventEnvelope envelope(Offset offset, PersistentRepr repr) {
        return new EventEnvelope(offset, repr.persistenceId(), repr.sequenceNr(), repr.payload(), repr.timestamp(),
                Option.empty());
    }

    /** Named by the {@code class} of the query plugin's configuration ({@code pmip.inmem-journal.query}). */
    public static final class Provider implements ReadJournalProvider {
        private final InMemoryReadJournal journal;

        public Provider(ExtendedActorSystem system, Config config) {
            this.journal = new InMemoryReadJournal(InMemoryEventLog.get(Adapter.toTyped(system)));
        }

        @Override
        public org.apache.pekko.persistence.query.scaladsl.ReadJournal scaladslReadJournal() {
            // Only the Java API is used here; the Scala one offers no query.
            return new org.apache.pekko.persistence.query.scaladsl.ReadJournal() { };
        }

        @Override
        public ReadJournal javadslReadJournal() {
            return journal;
        }
    }
}
