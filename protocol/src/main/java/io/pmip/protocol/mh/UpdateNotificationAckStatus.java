package io.pmip.protocol.mh;

import java.util.Optional;

/** Update Notification Acknowledgement status (RFC 7077 section 4.2; 130 from RFC 7222; 131, 132 from RFC 7864). Values outside this list still round-trip: records keep the raw code. */
public enum UpdateNotificationAckStatus {
    SUCCESS(0),
    FAILED_TO_UPDATE_SESSION_PARAMETERS(128),
    MISSING_VENDOR_SPECIFIC_OPTION(129),
    CANNOT_MEET_QOS_SERVICE_REQUEST(130),
    REASON_UNSPECIFIED(131),
    MN_NOT_ATTACHED(132);

    private final int code;

    UpdateNotificationAckStatus(int code) {
        this.code = code;
    }

    /** The 8-bit wire value. */
    public int code() {
        return code;
    }

    public static Optional<UpdateNotificationAckStatus> fromCode(int code) {
        for (UpdateNotificationAckStatus v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
