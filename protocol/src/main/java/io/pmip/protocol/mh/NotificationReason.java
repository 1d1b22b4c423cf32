package io.pmip.protocol.mh;

import java.util.Optional;

/** Update Notification reason (RFC 7077 section 4.1; 8 from RFC 7864). Other IANA values are kept as raw codes. Values outside this list still round-trip: records keep the raw code. */
public enum NotificationReason {
    FORCE_REREGISTRATION(1),
    UPDATE_SESSION_PARAMETERS(2),
    VENDOR_SPECIFIC_REASON(3),
    FLOW_MOBILITY(8);

    private final int code;

    NotificationReason(int code) {
        this.code = code;
    }

    /** The 8-bit wire value. */
    public int code() {
        return code;
    }

    public static Optional<NotificationReason> fromCode(int code) {
        for (NotificationReason v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
