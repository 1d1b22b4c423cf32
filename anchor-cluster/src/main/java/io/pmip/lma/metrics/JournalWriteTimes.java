package io.pmip.lma.metrics;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.runtime.BoxedUnit;

/**
 * How long the journal plugin took to write each batch of events ({@code asyncWriteMessages} call to
 * its future's completion), per actor system. Recorded by the timed journal plugins
 * ({@link TimedCassandraJournal}, {@code io.pmip.lma.node.InMemoryJournal}) so that the binding entity needs no
 * timing code of its own; read by the admin API's {@code /metrics}.
 */
public final class JournalWriteTimes implements Extension {
    /** Writes above a minute are recorded as a minute: the journal's circuit breaker fails them earlier. */
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

    private static final ExtensionId<JournalWriteTimes> ID = new ExtensionId<>() {
        @Override
        public JournalWriteTimes createExtension(ActorSystem<?> system) {
            return new JournalWriteTimes();
        }
    };

    private final ConcurrentHistogram micros = new ConcurrentHistogram(MAX_MICROS, 3);

    private JournalWriteTimes() {
    }

    public static JournalWriteTimes get(ActorSystem<?> system) {
        return system.registerExtension(ID);
    }

    /** Records the write's duration when {@code write} completes, successfully or not. */
    <T> Future<T> time(Future<T> write, ExecutionContext executor) {
        long started = System.nanoTime();
        write.onComplete(result -> {
            long took = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started);
            micros.recordValue(Math.max(0, Math.min(took, MAX_MICROS)));
            return BoxedUnit.UNIT;
        }, executor);
        return write;
    }

    /** Records a write that took {@code nanos} (a journal that completes its writes before returning). */
    public void record(long nanos) {
        micros.recordValue(Math.max(0, Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), MAX_MICROS)));
    }

    /** A copy in microseconds, for the reader to print. */
    public Histogram snapshot() {
        return micros.copy();
    }
}
