package io.pmip.ops.bench;

import io.pmip.lma.node.InMemoryEventLog;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Counts every write to the in-memory journal of {@code journal = inmem}: each write operation and
 * the events in it, for any persistence id, remembered entities included.
 */
final class JournalWriteCounter {
    private final InMemoryEventLog log;

    private JournalWriteCounter(InMemoryEventLog log) {
        this.log = log;
    }

    static JournalWriteCounter install(ActorSystem<?> system) {
        return new JournalWriteCounter(InMemoryEventLog.get(system));
    }

    /** Write operations (one per persist call) so far. */
    long writes() {
        return log.writes();
    }

    long events() {
        return log.events();
    }
}
