package io.pmip.lma.peer;

import io.pmip.lma.BindingEntity;
import io.pmip.lma.BindingShard;
import io.pmip.lma.MobilitySession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Removes the mobility sessions a restarted MAG lost (RFC 5847 section 3.2: a changed Restart Counter
 * means the peer lost its mobility state). The read side says which mobile nodes the MAG serves; each
 * binding entity is then asked for its current sessions, and only those served by the MAG and last
 * updated at or before {@code staleBefore} (the last answer of the previous incarnation) are revoked:
 * a session the restarted MAG has registered again since is its own and stays.
 */
final class MagRestartCleanup {
    /** The reason journaled in {@code BindingEvent.Revoked}. */
    static final String REASON = "mag-restart";
    /** Binding entities asked at once: enough to clear a big MAG quickly without flooding the shards. */
    private static final int PARALLELISM = 8;

    private final ActorSystem<?> system;
    private final BindingShard shard;
    private final MagBindings bindings;
    private final Duration timeout;

    MagRestartCleanup(ActorSystem<?> system, BindingShard shard, MagBindings bindings, Duration timeout) {
        this.system = system;
        this.shard = shard;
        this.bindings = bindings;
        this.timeout = timeout;
    }

    /** Completes with the number of sessions removed; fails when this node has no read side. */
    CompletionStage<Integer> removeStale(String mag, Instant staleBefore) {
        Optional<List<String>> mobileNodes = bindings.mobileNodesAt(mag);
        if (mobileNodes.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "no read side on this node to find the bindings of MAG " + mag));
        }
        return Source.from(mobileNodes.get())
                .mapAsyncUnordered(PARALLELISM, mnId -> removeStale(mnId, mag, staleBefore))
                .runFold(0, Integer::sum, system);
    }

    private CompletionStage<Integer> removeStale(String mnId, String mag, Instant staleBefore) {
        return shard.binding(mnId).ask(BindingEntity.Get::new, timeout).thenCompose(view -> {
            List<MobilitySession> stale = view.sessions().stream()
                    .filter(s -> s.servingMag().equals(mag) && !s.updatedAt().isAfter(staleBefore))
                    .toList();
            CompletableFuture<Integer> removed = CompletableFuture.completedFuture(0);
            for (MobilitySession s : stale) {
                removed = removed.thenCompose(n -> shard.binding(mnId)
                        .ask((org.apache.pekko.actor.typed.ActorRef<BindingEntity.RevokeResult> replyTo) ->
                                new BindingEntity.Revoke(Optional.of(s.sessionKey()), REASON, replyTo), timeout)
                        .thenApply(result -> n + result.sessions().size()));
            }
            return removed;
        });
    }
}
