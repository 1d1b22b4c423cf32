package io.pmip.lma.peer;

import io.pmip.protocol.mh.Heartbeat;

/** Puts an LMA Heartbeat request on the wire from the node that hosts the MAG's peer entity. */
@FunctionalInterface
public interface HeartbeatSender {
    /** @return false when it could not be sent (no transport, queue full); the request then counts as missed */
    boolean send(MagAddress to, Heartbeat request);
}
