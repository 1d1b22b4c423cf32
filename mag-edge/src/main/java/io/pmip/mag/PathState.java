package io.pmip.mag;

/** Reachability of the LMA as heartbeats tell it (RFC 5847 section 3.1). */
public enum PathState {
    UNKNOWN,
    UP,
    DOWN
}
