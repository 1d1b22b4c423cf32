package io.pmip.protocol.mh;

import java.util.Optional;

/** Binding Revocation Indication trigger (RFC 5846 section 6.1; IANA registry). Values outside this list still round-trip: records keep the raw code. */
public enum RevocationTrigger {
    UNSPECIFIED(0),
    ADMINISTRATIVE_REASON(1),
    INTER_MAG_HANDOVER_SAME_ACCESS_TYPE(2),
    INTER_MAG_HANDOVER_DIFFERENT_ACCESS_TYPE(3),
    INTER_MAG_HANDOVER_UNKNOWN(4),
    USER_INITIATED_SESSION_TERMINATION(5),
    ACCESS_NETWORK_SESSION_TERMINATION(6),
    POSSIBLE_OUT_OF_SYNC_BCE_STATE(7),
    PER_PEER_POLICY(128),
    REVOKING_MOBILITY_NODE_LOCAL_POLICY(129);

    private final int code;

    RevocationTrigger(int code) {
        this.code = code;
    }

    /** The 8-bit wire value. */
    public int code() {
        return code;
    }

    public static Optional<RevocationTrigger> fromCode(int code) {
        for (RevocationTrigger v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
