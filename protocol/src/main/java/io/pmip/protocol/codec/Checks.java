package io.pmip.protocol.codec;

import java.util.ArrayList;
import java.util.List;

/** Collects rule violations: an error in strict mode, a warning in lenient mode. */
final class Checks {
    private final DecodeMode mode;
    private final List<DecodeWarning> warnings = new ArrayList<>();

    Checks(DecodeMode mode) {
        this.mode = mode;
    }

    void violation(DecodeRule rule, int offset, String message) throws MobilityHeaderDecodeException {
        if (mode == DecodeMode.STRICT) {
            throw new MobilityHeaderDecodeException(rule, offset, message);
        }
        warnings.add(new DecodeWarning(rule, offset, message));
    }

    /** Reserved fields MUST be zeroed by the sender and ignored by the receiver (RFC 6275 6.1). */
    void reservedZero(long value, int offset, String field) throws MobilityHeaderDecodeException {
        if (value != 0) {
            violation(DecodeRule.RESERVED_VALUE, offset, field + " is 0x" + Long.toHexString(value) + ", not 0");
        }
    }

    List<DecodeWarning> warnings() {
        return warnings;
    }
}
