package io.pmip.protocol.mh;

import java.util.Optional;

/** Access Technology Type values (RFC 5213 section 8.5; 6..13 from 3GPP TS 29.275 / 3GPP2). */
public enum AccessTechnologyType {
    RESERVED(0),
    VIRTUAL(1),
    PPP(2),
    IEEE_802_3(3),
    IEEE_802_11(4),
    IEEE_802_16E(5),
    GERAN_3GPP(6),
    UTRAN_3GPP(7),
    E_UTRAN_3GPP(8),
    EHRPD_3GPP2(9),
    HRPD_3GPP2(10),
    ONE_X_RTT_3GPP2(11),
    UMB_3GPP2(12),
    NB_IOT_3GPP(13);

    private final int code;

    AccessTechnologyType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<AccessTechnologyType> fromCode(int code) {
        for (AccessTechnologyType a : values()) {
            if (a.code == code) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
