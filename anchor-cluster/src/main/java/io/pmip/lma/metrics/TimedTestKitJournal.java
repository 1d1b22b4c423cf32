package io.pmip.lma.metrics;

import com.typesafe.config.Config;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import scala.collection.immutable.Seq;
import scala.concurrent.Future;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * The persistence testkit's in-memory journal plugin ({@code journal = inmem}), timing every write into
 * {@link JournalWriteTimes}.
 */
public final class TimedTestKitJournal extends PersistenceTestKitPlugin {
    private final JournalWriteTimes times = JournalWriteTimes.get(Adapter.toTyped(context().system()));

    public TimedTestKitJournal(Config config, String configPath) {
        super(config, configPath);
    }

    @Override
    public Future<Seq<Try<BoxedUnit>>> asyncWriteMessages(Seq<AtomicWrite> messages) {
        return times.time(super.asyncWriteMessages(messages), context().dispatcher());
    }
}
