package io.pmip.lma.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.journal.Tagged;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The events of {@code journal = inmem}, per actor system: one append-only stream per persistence id
 * and one append-only log per tag, each with its own lock. A write, a replay or a tag read costs what
 * it touches, never the whole journal, and one stream's lock never delays another stream.
 *
 * <p>Why not the persistence testkit's journal, which this replaces: its storage takes one global lock,
 * re-serializes a persistence id's whole history on every write to it and deserializes every event
 * of every persistence id on every tag query. The read side then polled the tags, so each poll stalled
 * every write of the node (docs/benchmarks.md, "inmem journal").
 *
 * <p>Events are kept as written, not serialized: they are immutable records, and their serialization
 * is what the Cassandra journal and the serializer tests exercise.
 */
public final class InMemoryEventLog implements Extension {
    private static final ExtensionId<InMemoryEventLog> ID = new ExtensionId<>() {
        @Override
        public InMemoryEventLog createExtension(ActorSystem<?> system) {
            return new InMemoryEventLog();
        }
    };

    private final Map<String, EventStream> streams = new ConcurrentHashMap<>();
    private final Map<String, TagLog> tags = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong events = new AtomicLong();

    private InMemoryEventLog() {
    }

    public static InMemoryEventLog get(ActorSystem<?> system) {
        return system.registerExtension(ID);
    }

    /** One persistence id's events in sequence-number order; guarded by its own monitor. */
    private static final class EventStream {
        private final ArrayList<PersistentRepr> events = new ArrayList<>();
        private long highestSequenceNr;
    }

    /** One tag's events in write order; an event's offset is its position + 1. Guarded by its own monitor. */
    private static final class TagLog {
        private final ArrayList<PersistentRepr> events = new ArrayList<>();
    }

    /**
     * Appends the events of one atomic write (all of one persistence id), untagged, stamped with
     * {@code timestamp}, and adds each to the logs of its tags.
     */
    void write(AtomicWrite write, long timestamp) {
        EventStream stream = streams.computeIfAbsent(write.persistenceId(), id -> new EventStream());
        synchronized (stream) {
            for (PersistentRepr repr : CollectionConverters.asJava(write.payload())) {
                Object payload = repr.payload();
                List<String> eventTags = List.of();
                if (payload instanceof Tagged tagged) {
                    payload = tagged.payload();
                    eventTags = List.copyOf(CollectionConverters.asJava(tagged.tags()));
                }
                PersistentRepr stored = repr.withPayload(payload).withTimestamp(timestamp);
                stream.events.add(stored);
                stream.highestSequenceNr = Math.max(stream.highestSequenceNr, stored.sequenceNr());
                // Appended while the stream is locked: a tag lists one persistence id's events in order.
                for (String tag : eventTags) {
                    TagLog log = tags.computeIfAbsent(tag, t -> new TagLog());
                    synchronized (log) {
                        log.events.add(stored);
                    }
                }
            }
        }
        writes.incrementAndGet();
        events.addAndGet(write.size());
    }

    /** Calls {@code onEvent} with up to {@code max} events of {@code from..to} (inclusive), in order. */
    void replay(String persistenceId, long from, long to, long max, Consumer<PersistentRepr> onEvent) {
        for (PersistentRepr repr : events(persistenceId, from, to, max)) {
            onEvent.accept(repr);
        }
    }

    /** Up to {@code max} events of {@code from..to} (inclusive) of one persistence id, in order. */
    public List<PersistentRepr> events(String persistenceId, long from, long to, long max) {
        EventStream stream = streams.get(persistenceId);
        if (stream == null) {
            return List.of();
        }
        List<PersistentRepr> selected = new ArrayList<>();
        synchronized (stream) {
            for (PersistentRepr repr : stream.events) {
                if (selected.size() >= max || repr.sequenceNr() > to) {
                    break;
                }
                if (repr.sequenceNr() >= from) {
                    selected.add(repr);
                }
            }
        }
        return selected;
    }

    /** The highest sequence number ever written for the persistence id (kept when events are deleted). */
    long highestSequenceNr(String persistenceId) {
        EventStream stream = streams.get(persistenceId);
        if (stream == null) {
            return 0;
        }
        synchronized (stream) {
            return stream.highestSequenceNr;
        }
    }

    /** Drops the persistence id's events up to {@code to} (inclusive); its tag logs keep them, as Cassandra's do. */
    void deleteTo(String persistenceId, long to) {
        EventStream stream = streams.get(persistenceId);
        if (stream == null) {
            return;
        }
        synchronized (stream) {
            stream.events.removeIf(repr -> repr.sequenceNr() <= to);
        }
    }

    /** The events of {@code tag} after {@code offset} (0: from the first), with their offsets. */
    public List<TaggedEvent> tagged(String tag, long offset) {
        TagLog log = tags.get(tag);
        if (log == null) {
            return List.of();
        }
        List<TaggedEvent> selected = new ArrayList<>();
        synchronized (log) {
            for (int i = (int) Math.max(0, Math.min(offset, log.events.size())); i < log.events.size(); i++) {
                selected.add(new TaggedEvent(i + 1L, log.events.get(i)));
            }
        }
        return selected;
    }

    /** An event of a tag log and its offset in that log (1 for the first). */
    public record TaggedEvent(long offset, PersistentRepr repr) {
    }

    /** Every persistence id that wrote an event. */
    public List<String> persistenceIds() {
        return List.copyOf(streams.keySet());
    }

    /** Atomic writes so far (one per persist call of an entity, remembered-entity updates included). */
    public long writes() {
        return writes.get();
    }

    /** Events written so far. */
    public long events() {
        return events.get();
    }
}
