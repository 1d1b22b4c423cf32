package io.pmip.protocol.codec;

/** A rule broken by a Mobility Header that lenient decoding accepted anyway; offset as in the exception. */
public record DecodeWarning(DecodeRule rule, int offset, String message) {
    @Override
    public String toString() {
        return rule + " at byte " + offset + ": " + message;
    }
}
