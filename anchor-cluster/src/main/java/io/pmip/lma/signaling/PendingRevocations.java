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
 * an acknowledgement finds its indication.
 */
final class PendingRevocations {
    private final AtomicInteger nextSequence = new AtomicInteger((int) (System.nanoTime() & 0xffff));
    private final Map<Integer, CompletableFuture<BindingRevocationAcknowledgement>> pending = new ConcurrentHashMap<>();

    record Pending(int sequence, CompletableFuture<BindingRevocationAcknowledgement> acknowledged) {
    }

    /** A fresh 16-bit sequence number and the future its BRA completes; times out after {@code timeout}. */
    Pending register(Duration timeout) {
        while (true) {
            int sequence = nextSequence.getAndIncrement() & 0xffff;
            CompletableFuture<BindingRevocationAcknowledgement> future = new CompletableFuture<>();
            if (pending.putIfAbsent(sequence, future) == null) {
                future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .whenComplete((bra, failure) -> pending.remove(sequence, future));
                return new Pending(sequence, future);
            }
        }
    }

    /** Completes the indication with the same Sequence Number; false when none is waiting (late or stray). */
    boolean acknowledge(BindingRevocationAcknowledgement bra) {
        CompletableFuture<BindingRevocationAcknowledgement> future = pending.remove(bra.sequence());
        return future != null && future.complete(bra);
    }

    void cancel(int sequence, Throwable why) {
        CompletableFuture<BindingRevocationAcknowledgement> future = pending.remove(sequence);
        if (future != null) {
            future.completeExceptionally(why);
        }
    }
}
