package io.pmip.lma.peer;

import java.util.Locale;

/** Reachability of a MAG as the LMA's heartbeats tell it (RFC 5847 section 3.1); mirrors mag-edge's. */
public enum PathState {
    /** No Heartbeat exchange completed yet (new peer, or this node took the peer over). */
    UNKNOWN,
    UP,
    /** MISSING_HEARTBEATS_ALLOWED requests in a row went unanswered. */
    DOWN;

    /** The name used in the admin API and as the metrics label ({@code up}, {@code down}, {@code unknown}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
