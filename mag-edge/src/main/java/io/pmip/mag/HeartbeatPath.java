package io.pmip.mag;

import java.util.OptionalLong;

/**
 * The MAG's view of its path to the LMA (RFC 5847 section 3.1): a request is outstanding or not,
 * how many in a row went unanswered, and the LMA's last Restart Counter.
 */
record HeartbeatPath(PathState state, int missed, long sequence, boolean awaiting, OptionalLong lmaRestartCounter) {

    static HeartbeatPath initial() {
        return new HeartbeatPath(PathState.UNKNOWN, 0, 0, false, OptionalLong.empty());
    }

    /**
     * HEARTBEAT_INTERVAL passed and a new request with {@code nextSequence} goes out; an
     * unanswered previous request is one more miss, and MISSING_HEARTBEATS_ALLOWED misses make
     * the path DOWN (RFC 5847 section 3.1).
     */
    HeartbeatPath requestSent(long nextSequence, int missingHeartbeatsAllowed) {
        int nowMissed = awaiting ? missed + 1 : missed;
        PathState next = nowMissed >= missingHeartbeatsAllowed ? PathState.DOWN : state;
        return new HeartbeatPath(next, nowMissed, nextSequence, true, lmaRestartCounter);
    }

    /** Whether a response with this sequence number answers the outstanding request. */
    boolean answers(long responseSequence) {
        return awaiting && responseSequence == sequence;
    }

    /** The outstanding request was answered: the path is UP. */
    HeartbeatPath answered(OptionalLong restartCounter) {
        return new HeartbeatPath(PathState.UP, 0, sequence, false,
                restartCounter.isPresent() ? restartCounter : lmaRestartCounter);
    }

    /** The LMA reports a Restart Counter other than the one it reported before (RFC 5847 section 3, restart detection). */
    boolean restartedAccordingTo(OptionalLong restartCounter) {
        return lmaRestartCounter.isPresent() && restartCounter.isPresent()
                && lmaRestartCounter.getAsLong() != restartCounter.getAsLong();
    }
}
