package io.pmip.ops.wire;

import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.pcap.CapturedSignal;
import io.pmip.protocol.transport.TransportKind;
import io.pmip.protocol.pcap.IpPacketBuilder;
import io.pmip.protocol.pcap.SignalExtractor;
import java.net.Inet4Address;
import java.net.Inet6Address;

/**
 * Turns a parsed JSON line into Mobility Header bytes and the IP packet around them. Addresses and
 * ports the line leaves out take documentation defaults (RFC 3849 / RFC 5737 ranges, port 5436),
 * so a hand-written line needs only its message.
 */
final class LineEncoder {
    static final Inet6Address DEFAULT_IPV6_SOURCE = IpText.ipv6("2001:db8::1");
    static final Inet6Address DEFAULT_IPV6_DESTINATION = IpText.ipv6("2001:db8::2");
    static final Inet4Address DEFAULT_IPV4_SOURCE = IpText.ipv4("192.0.2.1");
    static final Inet4Address DEFAULT_IPV4_DESTINATION = IpText.ipv4("192.0.2.2");

    private LineEncoder() {
    }

    /**
     * The Mobility Header: a message is encoded (checksum over the line's IPv6 addresses, or 0 over
     * UDP, RFC 5844); raw bytes are returned as given, so a frame that failed to decode round-trips.
     */
    static byte[] mobilityHeader(WireLines.Parsed line) {
        if (line.message() == null) {
            return line.rawBytes().toArray();
        }
        Envelope e = line.envelope();
        return e.transport() == TransportKind.UDP_IPV4
                ? MobilityHeaderEncoder.encodeForIpv4Udp(line.message())
                : MobilityHeaderEncoder.encode(line.message(), ipv6Source(e), ipv6Destination(e));
    }

    static byte[] ipPacket(WireLines.Parsed line, byte[] mobilityHeader) {
        Envelope e = line.envelope();
        if (e.transport() == TransportKind.UDP_IPV4) {
            return IpPacketBuilder.ipv4Udp(
                    e.source() == null ? DEFAULT_IPV4_SOURCE : (Inet4Address) e.source(), port(e.sourcePort()),
                    e.destination() == null ? DEFAULT_IPV4_DESTINATION : (Inet4Address) e.destination(),
                    port(e.destinationPort()), mobilityHeader);
        }
        return IpPacketBuilder.ipv6(ipv6Source(e), ipv6Destination(e), mobilityHeader);
    }

    private static Inet6Address ipv6Source(Envelope e) {
        return e.source() == null ? DEFAULT_IPV6_SOURCE : (Inet6Address) e.source();
    }

    private static Inet6Address ipv6Destination(Envelope e) {
        return e.destination() == null ? DEFAULT_IPV6_DESTINATION : (Inet6Address) e.destination();
    }

    private static int port(int port) {
        return port == CapturedSignal.NO_PORT ? SignalExtractor.MIP6_UDP_PORT : port;
    }
}
