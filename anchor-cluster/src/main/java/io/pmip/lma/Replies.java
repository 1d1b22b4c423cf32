package io.pmip.lma;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where what follows an ask's reply runs. Pekko's Java asks complete Scala's CompletableFuture
 * adapter ({@code FutureConvertersImpl.CF}), which turns every dependent added without an executor
 * ({@code whenComplete}, {@code thenCompose}, {@code thenCombine}, {@code pipeToSelf}'s callback) into
 * its {@code *Async} form on CompletableFuture's default executor: the common ForkJoinPool, or where
 * that pool has a parallelism of 1 (any machine with 2 cores) a new thread for every callback. On the
 * signaling path that was a thread started per PBU and per prefix pool round trip (see
 * docs/benchmarks.md, pmip sim). The callbacks there are short and never block, so they run on the
 * thread that completes the ask: the replying actor's.
 */
public final class Replies {
    private Replies() {
    }

    /** A plain future completed with {@code ask}'s outcome on the thread that completes {@code ask}. */
    public static <T> CompletableFuture<T> onReplyingThread(CompletionStage<T> ask) {
        CompletableFuture<T> plain = new CompletableFuture<>();
        // The executor variant is not redirected by the adapter; Runnable::run runs it on the completing thread.
        ask.whenCompleteAsync((value, failure) -> {
            if (failure != null) {
                plain.completeExceptionally(failure);
            } else {
                plain.complete(value);
            }
        }, Runnable::run);
        return plain;
    }
}
