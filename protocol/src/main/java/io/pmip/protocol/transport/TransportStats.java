package io.pmip.protocol.transport;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one transport, safe to read from any thread (metrics) while the transport's own
 * threads update them. {@code received} counts datagrams handed to the handler; {@code sent}
 * counts datagrams the kernel accepted.
 */
public final class TransportStats {
    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final AtomicLongArray dropped = new AtomicLongArray(DropReason.values().length);

    public long received() {
        return received.sum();
    }

    public long sent() {
        return sent.sum();
    }

    public long dropped(DropReason reason) {
        return dropped.get(reason.ordinal());
    }

    public long droppedTotal() {
        long total = 0;
        for (int i = 0; i < dropped.length(); i++) {
            total += dropped.get(i);
        }
        return total;
    }

    /** A consistent-enough copy for logging and tests (each counter is read once). */
    public Snapshot snapshot() {
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            drops.put(reason, dropped(reason));
        }
        return new Snapshot(received(), sent(), Map.copyOf(drops));
    }

    void countReceived() {
        received.increment();
    }

    void countSent() {
        sent.increment();
    }

    void countDropped(DropReason reason) {
        dropped.incrementAndGet(reason.ordinal());
    }

    public record Snapshot(long received, long sent, Map<DropReason, Long> dropped) {
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
