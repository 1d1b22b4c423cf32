package io.pmip.lma.admin;

import io.pmip.lma.BindingEntity;
import io.pmip.lma.BindingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.EventsByTagQuery;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a {@link BindingIndex} from the read journal's live {@code eventsByTag} stream, one stream per
 * tag slice of {@link BindingEntity} ("binding-0" .. "binding-3"), on every node: each node holds the
 * whole index, so any node answers a listing. The offset of each slice is kept in memory only; after
 * a restart the node reads the tags from the beginning (the index is small: one row per session).
 * A failed stream restarts with back-off from the last offset it applied.
 */
public final class BindingReadSide implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BindingReadSide.class);

    private final BindingIndex index;
    private final String readJournal;
    private final List<UniqueKillSwitch> streams = new ArrayList<>();

    private BindingReadSide(BindingIndex index, String readJournal) {
        this.index = index;
        this.readJournal = readJournal;
    }

    /** Starts the streams of every tag slice into {@code index}. */
    public static BindingReadSide start(ActorSystem<?> system, String readJournalPluginId, BindingIndex index) {
        EventsByTagQuery query = PersistenceQuery.get(system).getReadJournalFor(EventsByTagQuery.class,
                readJournalPluginId);
        BindingReadSide readSide = new BindingReadSide(index, readJournalPluginId);
        RestartSettings restart = RestartSettings.create(Duration.ofMillis(500), Duration.ofSeconds(10), 0.2);
        for (int slice = 0; slice < BindingEntity.TAG_SLICES; slice++) {
            String tag = "binding-" + slice;
            AtomicReference<Offset> offset = new AtomicReference<>(Offset.noOffset());
            UniqueKillSwitch stream = RestartSource.withBackoff(restart, () -> query.eventsByTag(tag, offset.get()))
                    .viaMat(KillSwitches.single(), Keep.right())
                    .toMat(Sink.foreach(envelope -> {
                        readSide.apply(envelope);
                        offset.set(envelope.offset());
                    }), Keep.left())
                    .run(system);
            readSide.streams.add(stream);
        }
        log.info("binding read side started on {} ({} tag slices)", readJournalPluginId, BindingEntity.TAG_SLICES);
        return readSide;
    }

    private void apply(EventEnvelope envelope) {
        if (envelope.event() instanceof BindingEvent event) {
            index.apply(event);
        } else {
            log.warn("tag stream carried a {} at {}, not a binding event", envelope.event().getClass().getName(),
                    envelope.persistenceId());
        }
    }

    public BindingIndex index() {
        return index;
    }

    public String readJournal() {
        return readJournal;
    }

    @Override
    public void close() {
        streams.forEach(UniqueKillSwitch::shutdown);
    }
}
