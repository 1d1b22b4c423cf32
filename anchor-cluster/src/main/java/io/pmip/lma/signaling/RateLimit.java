package io.pmip.lma.signaling;

import java.util.concurrent.atomic.AtomicLong;

/** At most {@code perSecond} permits in each wall-clock second; lock-free, never waits. */
final class RateLimit {
    private final int perSecond;
    /** Second in the upper bits, permits used in the lower 20 bits. */
    private final AtomicLong window = new AtomicLong();

    RateLimit(int perSecond) {
        this.perSecond = Math.min(perSecond, (1 << 20) - 1);
    }

    boolean tryAcquire(long nowMillis) {
        long second = nowMillis / 1000;
        while (true) {
            long current = window.get();
            long used = current & 0xfffff;
            long next = (current >>> 20) == second ? current + 1 : (second << 20) | 1;
            if ((current >>> 20) == second && used >= perSecond) {
                return false;
            }
            if (perSecond == 0) {
                return false;
            }
            if (window.compareAndSet(current, next)) {
                return true;
            }
        }
    }
}
