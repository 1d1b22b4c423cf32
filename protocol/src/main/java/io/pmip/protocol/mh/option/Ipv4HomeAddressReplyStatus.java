package io.pmip.protocol.mh.option;

import java.util.Optional;

/** IPv4 Home Address Reply status (RFC 5844 section 3.3.2). Values outside this list still round-trip: records keep the raw code. */
public enum Ipv4HomeAddressReplyStatus {
    SUCCESS(0),
    FAILURE_REASON_UNSPECIFIED(128),
    ADMINISTRATIVELY_PROHIBITED(129),
    INCORRECT_IPV4_HOME_ADDRESS(130),
    INVALID_IPV4_ADDRESS(131),
    DYNAMIC_IPV4_HOME_ADDRESS_ASSIGNMENT_NOT_AVAILABLE(132);

    private final int code;

    Ipv4HomeAddressReplyStatus(int code) {
        this.code = code;
    }

    /** The 8-bit wire value. */
    public int code() {
        return code;
    }

    public static Optional<Ipv4HomeAddressReplyStatus> fromCode(int code) {
        for (Ipv4HomeAddressReplyStatus v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
