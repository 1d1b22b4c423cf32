package io.pmip.ops.load;

import io.pmip.protocol.mh.HandoffIndicator;

/** What every emulated mobile node does in one pass of the load client. */
public enum LoadPhase {
    /** Initial attachment: HNP ::/0, the LMA assigns a prefix (RFC 5213 section 5.3.1). */
    REGISTER(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE),
    /** Binding refresh with the prefixes the LMA gave (RFC 5213 section 5.3.3). */
    REFRESH(HandoffIndicator.HANDOFF_STATE_NOT_CHANGED),
    /** De-registration: lifetime 0 (RFC 5213 section 5.3.5). */
    DEREGISTER(HandoffIndicator.HANDOFF_STATE_UNKNOWN);

    private final HandoffIndicator handoffIndicator;

    LoadPhase(HandoffIndicator handoffIndicator) {
        this.handoffIndicator = handoffIndicator;
    }

    /** The Handoff Indicator the PBUs of this phase carry (RFC 5213 section 8.4). */
    public HandoffIndicator handoffIndicator() {
        return handoffIndicator;
    }
}
