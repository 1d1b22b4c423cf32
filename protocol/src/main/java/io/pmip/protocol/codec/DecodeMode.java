package io.pmip.protocol.codec;

/**
 * STRICT turns every broken SHOULD/MUST-zero/alignment rule into an error (conformance checks of
 * our own output); LENIENT accepts what RFC 6275 lets a receiver ignore, and what real peers send
 * (OPMIP sends the Home Network Prefix misaligned), reporting it as warnings.
 */
public enum DecodeMode {
    STRICT,
    LENIENT
}
