package io.pmip.lma.signaling;

import io.pmip.protocol.mh.Heartbeat;
import java.time.Instant;

/** What the ingress tells the LMA's MAG peer state (RFC 5847 heartbeats) about the MAGs it hears from. */
public interface MagSignals {
    MagSignals NONE = new MagSignals() {
        @Override
        public void observed(SignalingIngress.MagContact contact) {
        }

        @Override
        public void heartbeatResponse(String mag, Heartbeat response, Instant receivedAt) {
        }
    };

    /** An authorized MAG sent a PBU; called on the receive thread for every one, so it must be cheap. */
    void observed(SignalingIngress.MagContact contact);

    /** A Heartbeat response arrived from {@code mag} (any node may receive the answer to any node's request). */
    void heartbeatResponse(String mag, Heartbeat response, Instant receivedAt);
}
