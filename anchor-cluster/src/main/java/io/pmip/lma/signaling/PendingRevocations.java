package io.pmip.lma.signaling;

import io.pmip.protocol.mh.BindingRevocationAcknowledgement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Binding Revocation Indications this LMA sent and whose acknowledgement it still awaits, keyed by
 * Sequence Number: RFC 5846 section 6.2 says the BRA copies the BRI's Sequence Number, which is how
 * an acknowledgement finds its indication. It must also come from the MAG the indication went to:
 * behind an anycast address acknowledgements reach other nodes too, whose own sequence numbers
 * may coincide.
 */
final class PendingRevocations {
    private final AtomicInteger nextSequence = new AtomicInteger((int) (System.nanoTime() & 0xffff));
    private final Map<Integer, Waiting> pending = new ConcurrentHashMap<>();

    private record Waiting(String mag, CompletableFuture<BindingRevocationAcknowledgement> acknowledged) {
    }

    record Pending(int sequence, CompletableFuture<BindingRevocationAcknowledgement> acknowledged) {
    }

    /**
     * A fresh 16-bit sequence number for an indication to {@code mag} (an address as
     * {@link java.net.InetAddress#getHostAddress} writes it) and the future its BRA completes; times
     * out after {@code timeout}.
     */
    Pending register(String mag, Duration timeout) {
        while (true) {
            int sequence = nextSequence.getAndIncrement() & 0xffff;
            Waiting waiting = new Waiting(mag, new CompletableFuture<>());
            if (pending.putIfAbsent(sequence, waiting) == null) {
                waiting.acknowledged().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .whenComplete((bra, failure) -> pending.remove(sequence, waiting));
                return new Pending(sequence, waiting.acknowledged());
            }
        }
    }

    /**
     * Completes the indication to {@code mag} with the same Sequence Number; false when none is
     * waiting (late, stray, or another node's).
     */
    boolean acknowledge(String mag, BindingRevocationAcknowledgement bra) {
        Waiting waiting = pending.get(bra.sequence());
        return waiting != null && waiting.mag().equals(mag) && pending.remove(bra.sequence(), waiting)
                && waiting.acknowledged().complete(bra);
    }

    void cancel(int sequence, Throwable why) {
        Waiting waiting = pending.remove(sequence);
        if (waiting != null) {
            waiting.acknowledged().completeExceptionally(why);
        }
    }
}
