package io.pmip.lma.peer;

import io.pmip.persistence.CborSerializable;
import java.time.Instant;

/**
 * The facts a MAG peer journals: rare ones only (how to reach the MAG, its Restart Counter), never a
 * heartbeat. Path state is not journaled: it is re-learned within a few intervals by whichever node
 * hosts the peer.
 */
public sealed interface MagPeerEvent extends CborSerializable {
    String mag();

    /** The MAG is reached another way than before (first PBU, other transport, port or LMA address). */
    record AddressLearned(String mag, MagAddress address, Instant at) implements MagPeerEvent {
    }

    /** The first Restart Counter the MAG reported (RFC 5847 section 5.2). */
    record RestartCounterLearned(String mag, long restartCounter, Instant at) implements MagPeerEvent {
    }

    /**
     * The MAG reported another Restart Counter than before: it restarted and lost its state (RFC 5847
     * section 3.2); its sessions last updated at or before {@code staleBefore} are removed.
     */
    record MagRestarted(String mag, long previous, long restartCounter, Instant staleBefore, Instant at)
            implements MagPeerEvent {
    }

    /** No PBU from the MAG for the longest lifetime granted: none of its bindings is left, heartbeats stop. */
    record HeartbeatsStopped(String mag, Instant at) implements MagPeerEvent {
    }
}
