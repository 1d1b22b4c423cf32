package io.pmip.ops.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.testkit.JournalOperation;
import org.apache.pekko.persistence.testkit.ProcessingPolicy;
import org.apache.pekko.persistence.testkit.ProcessingResult;
import org.apache.pekko.persistence.testkit.ProcessingSuccess$;
import org.apache.pekko.persistence.testkit.WriteEvents;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;

/**
 * Counts every write to the in-memory journal of {@code journal = inmem} (the persistence
 * testkit's): each write operation and the events in it, for any persistence id, remembered
 * entities included. Installed as the journal's processing policy, which lets every write through.
 */
final class JournalWriteCounter implements ProcessingPolicy<JournalOperation> {
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong events = new AtomicLong();

    static JournalWriteCounter install(ActorSystem<?> system) {
        JournalWriteCounter counter = new JournalWriteCounter();
        PersistenceTestKit.create(system).withPolicy(counter);
        return counter;
    }

    @Override
    public ProcessingResult tryProcess(String persistenceId, JournalOperation operation) {
        if (operation instanceof WriteEvents write) {
            writes.incrementAndGet();
            events.addAndGet(write.getBatch().size());
        }
        return ProcessingSuccess$.MODULE$;
    }

    /** Write operations (one per persist call) so far. */
    long writes() {
        return writes.get();
    }

    long events() {
        return events.get();
    }
}
