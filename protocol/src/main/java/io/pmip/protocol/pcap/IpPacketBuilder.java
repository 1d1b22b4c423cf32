package io.pmip.protocol.pcap;

import io.pmip.protocol.InternetChecksum;
import io.pmip.protocol.mh.MobilityHeaderChecksum;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.ByteBuffer;

/**
 * Builds whole IP packets around a payload, for writing captures and test fixtures. The payload
 * is copied untouched: a Mobility Header's own checksum is the codec's business.
 */
public final class IpPacketBuilder {
    static final int HOP_LIMIT = 64;
    private static final int IPV6_HEADER = 40;
    private static final int IPV4_HEADER = 20;
    private static final int UDP_HEADER = 8;
    private static final int PROTO_UDP = 17;
    private static final int IPV4_DONT_FRAGMENT = 0x4000;

    private IpPacketBuilder() {
    }

    /** An IPv6 packet carrying a Mobility Header (Next Header 135). */
    public static byte[] ipv6(Inet6Address source, Inet6Address destination, byte[] payload) {
        return ipv6(source, destination, MobilityHeaderChecksum.IPPROTO_MH, payload);
    }

    /**
     * An IPv6 packet (RFC 8200 section 3): traffic class and flow label zero, hop limit 64.
     * {@code payload} starts with the header named by {@code nextHeader}.
     */
    public static byte[] ipv6(Inet6Address source, Inet6Address destination, int nextHeader, byte[] payload) {
        if (payload.length > 0xffff) {
            throw new IllegalArgumentException("IPv6 payload over 65535 bytes needs a jumbogram");
        }
        if (nextHeader < 0 || nextHeader > 0xff) {
            throw new IllegalArgumentException("Next Header out of range: " + nextHeader);
        }
        return ByteBuffer.allocate(IPV6_HEADER + payload.length)
                .putInt(6 << 28)
                .putShort((short) payload.length)
                .put((byte) nextHeader)
                .put((byte) HOP_LIMIT)
                .put(source.getAddress())
                .put(destination.getAddress())
                .put(payload)
                .array();
    }

    /**
     * An IPv4 packet (RFC 791) with DF set, TTL 64 and a correct header checksum, carrying a UDP
     * datagram (RFC 768) whose checksum covers the IPv4 pseudo-header.
     */
    public static byte[] ipv4Udp(Inet4Address source, int sourcePort, Inet4Address destination, int destinationPort,
            byte[] payload) {
        checkPort(sourcePort);
        checkPort(destinationPort);
        int udpLength = UDP_HEADER + payload.length;
        int totalLength = IPV4_HEADER + udpLength;
        if (totalLength > 0xffff) {
            throw new IllegalArgumentException("IPv4 Total Length over 65535");
        }
        byte[] src = source.getAddress();
        byte[] dst = destination.getAddress();
        ByteBuffer packet = ByteBuffer.allocate(totalLength)
                .put((byte) 0x45)
                .put((byte) 0)
                .putShort((short) totalLength)
                .putShort((short) 0)
                .putShort((short) IPV4_DONT_FRAGMENT)
                .put((byte) HOP_LIMIT)
                .put((byte) PROTO_UDP)
                .putShort((short) 0)
                .put(src)
                .put(dst)
                .putShort((short) sourcePort)
                .putShort((short) destinationPort)
                .putShort((short) udpLength)
                .putShort((short) 0)
                .put(payload);
        byte[] bytes = packet.array();
        packet.putShort(10, (short) new InternetChecksum().add(bytes, 0, IPV4_HEADER).value());
        int udpChecksum = new InternetChecksum()
                .add(src, 0, 4)
                .add(dst, 0, 4)
                .add16(PROTO_UDP)
                .add16(udpLength)
                .add(bytes, IPV4_HEADER, udpLength)
                .value();
        // RFC 768: a computed zero is sent as all ones, since zero means "no checksum".
        packet.putShort(IPV4_HEADER + 6, (short) (udpChecksum == 0 ? 0xffff : udpChecksum));
        return bytes;
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
