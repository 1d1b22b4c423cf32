package io.pmip.lma.prefix;

import io.pmip.lma.Replies;
import io.pmip.protocol.Ipv6Prefix;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntFunction;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * Allocates and releases prefixes of one pool for callers such as the binding entity. It asks the
 * holder's home shard first and follows its spill pointers, so the same holder always ends at the
 * same prefix. Shards are reached through {@code shardRef}: sharded entity refs in a cluster, plain
 * actors in tests.
 */
public final class PrefixPoolClient {
    private final PoolLayout layout;
    private final IntFunction<RecipientRef<PrefixPoolEntity.Command>> shardRef;
    private final Scheduler scheduler;
    private final Duration timeout;

    public PrefixPoolClient(PoolLayout layout, IntFunction<RecipientRef<PrefixPoolEntity.Command>> shardRef,
                            Scheduler scheduler, Duration timeout) {
        this.layout = layout;
        this.shardRef = shardRef;
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    public PoolLayout layout() {
        return layout;
    }

    /**
     * The holder's prefix: the one it already holds, else a free one. Completes with empty when the
     * whole pool is exhausted, and fails when a shard does not answer within the timeout.
     */
    public CompletionStage<Optional<Ipv6Prefix>> allocate(String holder) {
        int home = layout.homeShard(holder);
        return ask(home, r -> new PrefixPoolEntity.Allocate(holder, r))
                .thenCompose(reply -> follow(holder, home, reply, layout.shardCount() + 1));
    }

    private CompletionStage<Optional<Ipv6Prefix>> follow(String holder, int home,
                                                         PrefixPoolEntity.AllocationReply reply, int hopsLeft) {
        if (reply instanceof PrefixPoolEntity.Allocated a) {
            return CompletableFuture.completedFuture(Optional.of(a.prefix()));
        }
        if (reply instanceof PrefixPoolEntity.Exhausted || hopsLeft <= 0) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (reply instanceof PrefixPoolEntity.TryShard t) {
            return ask(t.shard(), r -> new PrefixPoolEntity.AllocateHere(holder, r))
                    .thenCompose(next -> follow(holder, home, next, hopsLeft - 1));
        }
        PrefixPoolEntity.Full full = (PrefixPoolEntity.Full) reply;
        return ask(home, r -> new PrefixPoolEntity.SpillFailed(holder, full.shard(), r))
                .thenCompose(next -> follow(holder, home, next, hopsLeft - 1));
    }

    /**
     * Frees the holder's prefix (and its spill marker at the home shard); completes once the shards
     * confirmed. Safe to repeat: a holder that holds nothing frees nothing.
     */
    public CompletionStage<Done> release(String holder, Ipv6Prefix prefix) {
        Optional<long[]> at = layout.locate(prefix);
        if (at.isEmpty()) {
            return CompletableFuture.completedFuture(Done.done());
        }
        int shard = (int) at.get()[0];
        int home = layout.homeShard(holder);
        CompletionStage<Done> released = Replies.onReplyingThread(AskPattern.ask(shardRef.apply(shard),
                (ActorRef<Done> r) -> new PrefixPoolEntity.Release(holder, prefix, r), timeout, scheduler));
        if (home == shard) {
            return released;
        }
        CompletionStage<Done> forgotten = Replies.onReplyingThread(AskPattern.ask(shardRef.apply(home),
                (ActorRef<Done> r) -> new PrefixPoolEntity.ForgetSpill(holder, r), timeout, scheduler));
        return released.thenCombine(forgotten, (a, b) -> Done.done());
    }

    public CompletionStage<PrefixPoolEntity.Usage> usage(int shard) {
        return Replies.onReplyingThread(AskPattern.ask(shardRef.apply(shard), PrefixPoolEntity.GetUsage::new, timeout,
                scheduler));
    }

    private CompletionStage<PrefixPoolEntity.AllocationReply> ask(
            int shard, org.apache.pekko.japi.function.Function<ActorRef<PrefixPoolEntity.AllocationReply>,
            PrefixPoolEntity.Command> message) {
        return Replies.onReplyingThread(AskPattern.ask(shardRef.apply(shard), message, timeout, scheduler));
    }
}
