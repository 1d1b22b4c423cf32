package io.pmip.protocol.codec;

/** How the Mobility Header travels; it decides how the Checksum field is treated. */
public enum Transport {
    /** IPv6, Next Header 135: Checksum over the IPv6 pseudo-header (RFC 6275 6.1.1). */
    IPV6,
    /**
     * UDP payload over IPv4, port 5436 (RFC 5844): no IPv6 pseudo-header exists; the encoder sends
     * Checksum 0 and the decoder does not verify it (docs/wire-format-decisions.md).
     */
    IPV4_UDP
}
