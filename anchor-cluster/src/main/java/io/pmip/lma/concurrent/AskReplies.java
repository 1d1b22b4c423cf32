package io.pmip.lma.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The reply of a Pekko ask as a stage whose dependents run on the thread that completes it: the
 * replying actor's thread (or the scheduler's, for a timeout).
 *
 * <p>Why: Pekko's Java asks return Scala's FutureConverters stage, which turns every dependent
 * ({@code thenCompose}, {@code whenComplete}, ...) into its {@code *Async} form on the JDK's default
 * executor. With two cores the common ForkJoinPool has parallelism 1, and the JDK then starts a new
 * thread for every such task ({@code CompletableFuture.ThreadPerTaskExecutor}): two new threads per
 * registration (the pool's answer, the PBA), ~145 thread starts per second in the Cassandra
 * benchmark, each also waiting to be scheduled on a loaded host (ops/benchmarks/lma-cassandra-fix.md).
 * The dependents on the hot path are short and never block (a tell, a queued datagram), so running
 * them where the reply arrives is the cheapest place.
 */
public final class AskReplies {
    /** Runs a task in the calling thread. */
    private static final Executor CALLING_THREAD = Runnable::run;

    private AskReplies() {
    }

    /** A plain stage completed like {@code reply}; its non-async dependents run on the completing thread. */
    public static <T> CompletableFuture<T> onCompletingThread(CompletionStage<T> reply) {
        CompletableFuture<T> plain = new CompletableFuture<>();
        reply.whenCompleteAsync((value, failure) -> {
            if (failure != null) {
                plain.completeExceptionally(failure);
            } else {
                plain.complete(value);
            }
        }, CALLING_THREAD);
        return plain;
    }
}
