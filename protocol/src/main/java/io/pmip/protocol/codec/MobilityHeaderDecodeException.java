package io.pmip.protocol.codec;

/**
 * The only exception {@link MobilityHeaderDecoder} throws: which rule the bytes broke and at which
 * byte offset, counted from the first byte of the Mobility Header (Payload Proto = 0).
 */
public final class MobilityHeaderDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final DecodeRule rule;
    private final int offset;

    public MobilityHeaderDecodeException(DecodeRule rule, int offset, String detail) {
        super(rule + " at byte " + offset + ": " + detail);
        this.rule = rule;
        this.offset = offset;
    }

    public DecodeRule rule() {
        return rule;
    }

    /** Byte offset from the start of the Mobility Header. */
    public int offset() {
        return offset;
    }
}
