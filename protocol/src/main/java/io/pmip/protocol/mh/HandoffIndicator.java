package io.pmip.protocol.mh;

import java.util.Optional;

/** Handoff Indicator values (RFC 5213 section 8.4; value 6 from RFC 7864). */
public enum HandoffIndicator {
    RESERVED(0),
    ATTACHMENT_OVER_NEW_INTERFACE(1),
    HANDOFF_BETWEEN_INTERFACES(2),
    HANDOFF_BETWEEN_MAGS_SAME_INTERFACE(3),
    HANDOFF_STATE_UNKNOWN(4),
    HANDOFF_STATE_NOT_CHANGED(5),
    ATTACHMENT_OVER_NEW_INTERFACE_SHARING_PREFIXES(6);

    private final int code;

    HandoffIndicator(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<HandoffIndicator> fromCode(int code) {
        for (HandoffIndicator h : values()) {
            if (h.code == code) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
