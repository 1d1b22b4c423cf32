package io.pmip.lma.node;

import io.pmip.mag.MagCommand;
import io.pmip.mag.MagEvent;
import java.time.Duration;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;

/** A mag-edge MAG actor in an LMA test, with the probe that receives its events. */
public record TestMag(ActorRef<MagCommand> ref, TestProbe<MagEvent> events, Duration patience) {
    /** The next event of {@code type} matching {@code filter} within {@link #patience}; a rejection fails at once. */
    public <T extends MagEvent> T expect(Class<T> type, Predicate<T> filter) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching " + type.getSimpleName() + " within " + patience);
            }
            MagEvent e = events.receiveMessage(Duration.ofNanos(left));
            if (type.isInstance(e) && filter.test(type.cast(e))) {
                return type.cast(e);
            }
            if (e instanceof MagEvent.Rejected r) {
                throw new AssertionError("rejected: " + r);
            }
        }
    }
}
