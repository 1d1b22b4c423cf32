package io.pmip.protocol.codec;

import io.pmip.protocol.transport.TransportKind;
import java.net.Inet6Address;
import java.util.Objects;

/**
 * What the decoder knows besides the bytes. With {@link TransportKind#MH_IPV6} and both addresses
 * known, the checksum is verified; with either address null it is not (e.g. a raw socket that
 * hides the destination).
 *
 * @param source IPv6 source address (the Home Address if a Home Address option was present), or null
 * @param destination IPv6 destination address, or null
 */
public record DecodeContext(TransportKind transport, DecodeMode mode, Inet6Address source, Inet6Address destination) {
    public DecodeContext {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(mode, "mode");
    }

    /** IPv6 transport with known addresses: the checksum is verified. */
    public static DecodeContext ipv6(Inet6Address source, Inet6Address destination, DecodeMode mode) {
        return new DecodeContext(TransportKind.MH_IPV6, mode, Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(destination, "destination"));
    }

    /** IPv6 transport, addresses unknown: the checksum is not verified. */
    public static DecodeContext ipv6WithoutAddresses(DecodeMode mode) {
        return new DecodeContext(TransportKind.MH_IPV6, mode, null, null);
    }

    /** IPv4/UDP transport (RFC 5844). */
    public static DecodeContext ipv4Udp(DecodeMode mode) {
        return new DecodeContext(TransportKind.UDP_IPV4, mode, null, null);
    }

    public boolean verifiesChecksum() {
        return transport == TransportKind.MH_IPV6 && source != null && destination != null;
    }
}
