package io.pmip.protocol.codec;

/** The wire rule a Mobility Header broke, named in {@link MobilityHeaderDecodeException} and in warnings. */
public enum DecodeRule {
    /** Fewer bytes than the 8-octet minimum Mobility Header, or than the offset/length given (RFC 6275 6.1.1). */
    TRUNCATED,
    /** Header Len disagrees with the datagram, or is too small for the message type's fixed fields (RFC 6275 9.2). */
    BAD_HEADER_LENGTH,
    /** Payload Proto is not 59 IPPROTO_NONE (RFC 6275 6.1.1: SHOULD be 59). Error in strict mode only. */
    BAD_PAYLOAD_PROTO,
    /** Checksum does not match the IPv6 pseudo-header sum (RFC 6275 6.1.1). */
    BAD_CHECKSUM,
    /** A Reserved field or PadN content is not zero (senders MUST zero it). Error in strict mode only. */
    RESERVED_VALUE,
    /** An option's Length byte or data runs past the end of the Mobility Header (RFC 6275 6.2.1). */
    OPTION_PAST_END,
    /** An option's Length does not fit its type (each option's RFC). */
    BAD_OPTION_LENGTH,
    /** An option field holds an impossible value, e.g. a prefix length above 128 or host bits past it. */
    BAD_OPTION_VALUE,
    /** An option does not start at its xn+y offset (RFC 6275 6.2). Error in strict mode only. */
    MISALIGNED_OPTION
}
