package io.pmip.protocol.mh;

import java.util.Optional;

/** Localized Routing Acknowledgement status (RFC 6705 section 11.3; no IANA registry). Values outside this list still round-trip: records keep the raw code. */
public enum LocalizedRoutingStatus {
    SUCCESS(0),
    LOCALIZED_ROUTING_NOT_ALLOWED(128),
    MN_NOT_ATTACHED(129);

    private final int code;

    LocalizedRoutingStatus(int code) {
        this.code = code;
    }

    /** The 8-bit wire value. */
    public int code() {
        return code;
    }

    public static Optional<LocalizedRoutingStatus> fromCode(int code) {
        for (LocalizedRoutingStatus v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
