package io.pmip.lma.peer;

import java.time.Instant;
import java.util.Optional;

/**
 * The LMA's view of its path to one MAG (RFC 5847 section 3.1): whether a request is outstanding,
 * how many in a row went unanswered, and when the MAG last answered. Volatile: a node that takes the
 * peer over starts from {@link #initial()}.
 */
record PeerPath(PathState state, int missed, long sequence, boolean awaiting, Optional<Instant> lastAnswer) {

    static PeerPath initial(long sequence) {
        return new PeerPath(PathState.UNKNOWN, 0, sequence, false, Optional.empty());
    }

    /**
     * HEARTBEAT_INTERVAL passed and a request with {@code nextSequence} goes out; an unanswered previous
     * request is one more miss, and MISSING_HEARTBEATS_ALLOWED misses make the path DOWN (section 3.1).
     */
    PeerPath requestSent(long nextSequence, int missingHeartbeatsAllowed) {
        int nowMissed = awaiting ? missed + 1 : missed;
        PathState next = nowMissed >= missingHeartbeatsAllowed ? PathState.DOWN : state;
        return new PeerPath(next, nowMissed, nextSequence, true, lastAnswer);
    }

    /** RFC 5847 section 3.1: a response answers the outstanding request only with its Sequence Number. */
    boolean answers(long responseSequence) {
        return awaiting && responseSequence == sequence;
    }

    PeerPath answered(Instant at) {
        return new PeerPath(PathState.UP, 0, sequence, false, Optional.of(at));
    }
}
