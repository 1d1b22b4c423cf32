package io.pmip.lma;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Ends the mobility sessions one MAG serves, binding by binding: after an operator's or a draining
 * node's revocation of the MAG (RFC 5846: the LMA removes the binding cache entries it revoked) and after
 * the MAG restarted (RFC 5847 section 3, restart detection: it lost them). Each binding entity is asked for its
 * current sessions and only those at the MAG that {@code which} selects end, so a session that has
 * moved to another MAG meanwhile stays.
 */
public final class MagSessions {
    /** Binding entities asked at once: enough to clear a big MAG quickly without flooding the shards. */
    private static final int PARALLELISM = 8;

    private final ActorSystem<?> system;
    private final BindingShard shard;
    private final Duration timeout;

    public MagSessions(ActorSystem<?> system, BindingShard shard, Duration timeout) {
        this.system = system;
        this.shard = shard;
        this.timeout = timeout;
    }

    /** What ended: the mobile nodes that had a session ended, and how many sessions. */
    public record Ended(List<String> mobileNodes, int sessions) {
        private static final Ended NONE = new Ended(List.of(), 0);

        private Ended plus(Ended other) {
            return new Ended(Stream.concat(mobileNodes.stream(), other.mobileNodes.stream()).toList(),
                    sessions + other.sessions);
        }
    }

    /** Ends, for each of {@code mobileNodes}, its sessions at {@code mag} that {@code which} selects. */
    public CompletionStage<Ended> end(String mag, List<String> mobileNodes, String reason,
            Predicate<MobilitySession> which) {
        return Source.from(mobileNodes)
                .mapAsyncUnordered(PARALLELISM, mnId -> end(mnId, mag, reason, which))
                .runFold(Ended.NONE, Ended::plus, system);
    }

    private CompletionStage<Ended> end(String mnId, String mag, String reason, Predicate<MobilitySession> which) {
        // Replies: a MAG restart or drain ends thousands of sessions; each plain dependent of a Java ask
        // would otherwise start a thread of its own on 2 cores.
        return Replies.onReplyingThread(shard.binding(mnId).ask(BindingEntity.Get::new, timeout)).thenCompose(view -> {
            List<MobilitySession> ending = view.sessions().stream()
                    .filter(s -> s.servingMag().equals(mag) && which.test(s))
                    .toList();
            CompletableFuture<Integer> ended = CompletableFuture.completedFuture(0);
            for (MobilitySession s : ending) {
                ended = ended.thenCompose(n -> Replies.onReplyingThread(shard.binding(mnId)
                        .ask((ActorRef<BindingEntity.RevokeResult> replyTo) ->
                                new BindingEntity.Revoke(Optional.of(s.sessionKey()), reason, replyTo), timeout))
                        .thenApply(result -> n + result.sessions().size()));
            }
            return ended.thenApply(n -> n == 0 ? Ended.NONE : new Ended(List.of(mnId), n));
        });
    }
}
