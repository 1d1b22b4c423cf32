package io.pmip.lma.peer;

import io.pmip.lma.MagSessions;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Removes the mobility sessions a restarted MAG lost (RFC 5847 section 3, restart detection: a changed Restart Counter
 * means the peer lost its mobility state). Every node's binding index says which mobile nodes the MAG serves; of
 * their sessions at the MAG only those last updated at or before {@code staleBefore} (the last
 * answer of the previous incarnation) are revoked: a session the restarted MAG has registered again
 * since is its own and stays.
 */
final class MagRestartCleanup {
    /** The reason journaled in {@code BindingEvent.Revoked}. */
    static final String REASON = "mag-restart";

    private final MagSessions sessions;
    private final MagBindings bindings;

    MagRestartCleanup(MagSessions sessions, MagBindings bindings) {
        this.sessions = sessions;
        this.bindings = bindings;
    }

    /** Completes with the number of sessions removed; fails when a cluster node could not be asked for them. */
    CompletionStage<Integer> removeStale(String mag, Instant staleBefore) {
        return bindings.mobileNodesAt(mag).thenCompose(mobileNodes -> sessions.end(mag, mobileNodes, REASON,
                s -> !s.updatedAt().isAfter(staleBefore))).thenApply(MagSessions.Ended::sessions);
    }
}
