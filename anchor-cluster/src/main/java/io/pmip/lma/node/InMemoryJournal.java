package io.pmip.lma.node;

import io.pmip.lma.metrics.JournalWriteTimes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.journal.japi.AsyncWriteJournal;
import scala.concurrent.Future;
import scala.concurrent.Future$;

/**
 * The journal plugin of {@code journal = inmem}: events in this JVM's {@link InMemoryEventLog}, gone
 * when the process stops. Every operation completes before it returns; each write is timed into
 * {@link JournalWriteTimes} like the Cassandra journal's.
 */
public final class InMemoryJournal extends AsyncWriteJournal {
    private final ActorSystem<?> system = Adapter.toTyped(context().system());
    private final InMemoryEventLog log = InMemoryEventLog.get(system);
    private final JournalWriteTimes times = JournalWriteTimes.get(system);

    @Override
    public Future<Iterable<Optional<Exception>>> doAsyncWriteMessages(Iterable<AtomicWrite> messages) {
        long started = System.nanoTime();
        long timestamp = System.currentTimeMillis();
        List<Optional<Exception>> results = new ArrayList<>();
        for (AtomicWrite write : messages) {
            log.write(write, timestamp);
            results.add(Optional.empty());
        }
        times.record(System.nanoTime() - started);
        return Future$.MODULE$.successful(results);
    }

    @Override
    public Future<Void> doAsyncDeleteMessagesTo(String persistenceId, long toSequenceNr) {
        log.deleteTo(persistenceId, toSequenceNr);
        return Future$.MODULE$.successful(null);
    }

    @Override
    public Future<Void> doAsyncReplayMessages(String persistenceId, long fromSequenceNr, long toSequenceNr, long max,
            Consumer<PersistentRepr> replayCallback) {
        log.replay(persistenceId, fromSequenceNr, toSequenceNr, max, replayCallback);
        return Future$.MODULE$.successful(null);
    }

    @Override
    public Future<Long> doAsyncReadHighestSequenceNr(String persistenceId, long fromSequenceNr) {
        return Future$.MODULE$.successful(Math.max(fromSequenceNr, log.highestSequenceNr(persistenceId)));
    }
}
