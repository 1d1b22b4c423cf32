package io.pmip.lma.admin;

import io.pmip.lma.BindingEntity;
import io.pmip.lma.BindingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;
import org.apache.pekko.persistence.query.javadsl.EventsByTagQuery;
import org.apache.pekko.persistence.query.javadsl.ReadJournal;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a {@link BindingIndex} from the read journal, one stream per tag slice of {@link BindingEntity}
 * ("binding-0" .. "binding-3"), on every node: each node holds the whole index, so any node answers a
 * listing. With Cassandra the stream is the live {@code eventsByTag} query from the last offset
 * applied; with the in-memory journal, {@code currentEventsByTag} from the last offset applied, polled
 * every {@link #POLL_INTERVAL}. Offsets live in memory only: after a restart the node reads the tags from
 * the beginning (the index is small: one row per session). The index skips events it has seen
 * (by persistence id and sequence number), so re-reading is harmless. A failed stream restarts with
 * back-off.
 *
 * <p>Why not pekko-projection: its Cassandra offset store would make the read side durable, but the
 * index lives in memory anyway and is rebuilt at start, and the in-memory journal has no projection
 * source provider; a plain stream serves both journals.
 */
public final class BindingReadSide implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BindingReadSide.class);
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final BindingIndex index;
    private final List<UniqueKillSwitch> streams = new ArrayList<>();

    private BindingReadSide(BindingIndex index) {
        this.index = index;
    }

    /** Starts the streams of every tag slice into {@code index}. */
    static BindingReadSide start(ActorSystem<?> system, ReadJournals.Choice journal, BindingIndex index) {
        ReadJournal query = PersistenceQuery.get(system).getReadJournalFor(ReadJournal.class, journal.pluginId());
        BindingReadSide readSide = new BindingReadSide(index);
        RestartSettings restart = RestartSettings.create(Duration.ofMillis(500), Duration.ofSeconds(10), 0.2);
        for (int slice = 0; slice < BindingEntity.TAG_SLICES; slice++) {
            String tag = "binding-" + slice;
            AtomicReference<Offset> offset = new AtomicReference<>(Offset.noOffset());
            UniqueKillSwitch stream = RestartSource.withBackoff(restart, () -> follow(query, journal.live(), tag,
                            offset::get))
                    .viaMat(KillSwitches.single(), Keep.right())
                    .toMat(Sink.foreach(envelope -> {
                        readSide.apply(envelope);
                        offset.set(envelope.offset());
                    }), Keep.left())
                    .run(system);
            readSide.streams.add(stream);
        }
        log.info("binding read side started on {} ({} tag slices, {})", journal.pluginId(), BindingEntity.TAG_SLICES,
                journal.live() ? "live eventsByTag" : "currentEventsByTag every " + POLL_INTERVAL.toMillis() + " ms");
        return readSide;
    }

    /** The tag's events after {@code from}; polled, each poll reads after the offset applied last. */
    private static Source<EventEnvelope, NotUsed> follow(ReadJournal query, boolean live, String tag,
            Supplier<Offset> from) {
        if (live) {
            return ((EventsByTagQuery) query).eventsByTag(tag, from.get());
        }
        CurrentEventsByTagQuery current = (CurrentEventsByTagQuery) query;
        // An event may be read twice (a poll starting before the previous one's last event was applied):
        // the index skips what it has seen.
        return Source.tick(Duration.ZERO, POLL_INTERVAL, tag)
                .flatMapConcat(t -> current.currentEventsByTag(t, from.get()))
                .mapMaterializedValue(cancellable -> NotUsed.getInstance());
    }

    private void apply(EventEnvelope envelope) {
        if (envelope.event() instanceof BindingEvent event) {
            index.apply(envelope.persistenceId(), envelope.sequenceNr(), event);
        } else {
            log.warn("tag stream carried a {} of {}, not a binding event", envelope.event().getClass().getName(),
                    envelope.persistenceId());
        }
    }

    public BindingIndex index() {
        return index;
    }

    @Override
    public void close() {
        streams.forEach(UniqueKillSwitch::shutdown);
    }
}
