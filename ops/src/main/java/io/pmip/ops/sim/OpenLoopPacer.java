package io.pmip.ops.sim;

import java.util.concurrent.locks.LockSupport;

/**
 * Starts operations on a fixed schedule, operation {@code i} at {@code start + i / rate}, whatever
 * became of the earlier ones: a slow responder shows as latency measured from the intended start,
 * not as a politely slower client (no coordinated omission). When this thread itself falls
 * behind the schedule it starts the late operations at once, keeps their intended times, and
 * reports how far behind it fell: then the client, not the responder, limited the rate.
 */
final class OpenLoopPacer {
    /** One scheduled operation; must not block. */
    @FunctionalInterface
    interface Operation {
        void start(long index, long intendedNanos);
    }

    /**
     * @param started operations started
     * @param elapsedNanos from the first intended start to the return
     * @param maxLagNanos the most an operation started after its intended time
     */
    record Result(long started, long elapsedNanos, long maxLagNanos) {
        double maxLagMillis() {
            return maxLagNanos / 1e6;
        }
    }

    private static final long SPIN_THRESHOLD_NANOS = 20_000;

    private OpenLoopPacer() {
    }

    /** Runs {@code operations} operations at {@code rate} per second on this thread; stops early when interrupted. */
    static Result run(double rate, long operations, Operation operation) {
        double periodNanos = 1e9 / rate;
        long start = System.nanoTime();
        long maxLag = 0;
        long i = 0;
        for (; i < operations && !Thread.currentThread().isInterrupted(); i++) {
            long intended = start + (long) (i * periodNanos);
            long wait = intended - System.nanoTime();
            if (wait > SPIN_THRESHOLD_NANOS) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, System.nanoTime() - intended);
            operation.start(i, intended);
        }
        return new Result(i, System.nanoTime() - start, maxLag);
    }
}
