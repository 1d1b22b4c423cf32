package io.pmip.protocol.mh;

import java.util.Optional;

/** Binding Error status (RFC 6275 section 6.1.9). Values outside this list still round-trip: records keep the raw code. */
public enum BindingErrorStatus {
    UNKNOWN_BINDING_FOR_HOME_ADDRESS_DESTINATION_OPTION(1),
    UNRECOGNIZED_MH_TYPE(2);

    private final int code;

    BindingErrorStatus(int code) {
        this.code = code;
    }

    /** The 8-bit wire value. */
    public int code() {
        return code;
    }

    public static Optional<BindingErrorStatus> fromCode(int code) {
        for (BindingErrorStatus v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
