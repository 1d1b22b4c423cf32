package io.pmip.protocol.mh;

import java.util.Optional;

/** Binding Revocation Acknowledgement status (RFC 5846 section 6.2; IANA registry, not Wireshark's table). Values outside this list still round-trip: records keep the raw code. */
public enum RevocationStatus {
    SUCCESS(0),
    PARTIAL_SUCCESS(1),
    BINDING_DOES_NOT_EXIST(128),
    IPV4_HOME_ADDRESS_OPTION_REQUIRED(129),
    GLOBAL_REVOCATION_NOT_AUTHORIZED(130),
    REVOKED_MOBILE_NODES_IDENTITY_REQUIRED(131),
    REVOCATION_FAILED_MN_IS_ATTACHED(132),
    REVOCATION_TRIGGER_NOT_SUPPORTED(133),
    REVOCATION_FUNCTION_NOT_SUPPORTED(134),
    PROXY_BINDING_REVOCATION_NOT_SUPPORTED(135);

    private final int code;

    RevocationStatus(int code) {
        this.code = code;
    }

    /** The 8-bit wire value. */
    public int code() {
        return code;
    }

    public static Optional<RevocationStatus> fromCode(int code) {
        for (RevocationStatus v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
