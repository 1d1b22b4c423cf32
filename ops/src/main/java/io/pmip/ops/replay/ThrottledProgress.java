package io.pmip.ops.replay;

import io.pmip.lma.history.ReplayProgress;
import java.io.PrintWriter;
import java.time.Duration;

/** Progress of a long replay on stderr: every {@code everyIds} persistence ids or {@code every}, whichever comes first. */
public final class ThrottledProgress implements ReplayProgress {
    private final PrintWriter err;
    private final long everyIds;
    private final long everyNanos;
    private final long startNanos = System.nanoTime();
    private long lastNanos = startNanos;

    public ThrottledProgress(PrintWriter err, long everyIds, Duration every) {
        this.err = err;
        this.everyIds = Math.max(1, everyIds);
        this.everyNanos = every.toNanos();
    }

    @Override
    public synchronized void replayed(long persistenceIds, long events) {
        long now = System.nanoTime();
        if (persistenceIds % everyIds == 0 || now - lastNanos >= everyNanos) {
            lastNanos = now;
            err.printf("replay: %d persistence ids, %d events, %.1f s%n", persistenceIds, events,
                    (now - startNanos) / 1e9);
            err.flush();
        }
    }
}
