package io.pmip.protocol.pcap;

import io.pmip.protocol.transport.TransportKind;
import io.pmip.protocol.mh.MobilityHeaderChecksum;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Walks one frame from its link-layer header down to a Mobility Header: IPv6 with Next Header 135
 * after any extension headers, or IPv4/UDP to or from the signaling port (RFC 5844). Every length
 * is checked against the bytes actually captured; a frame that does not fit gives a
 * {@link FrameError}, never an exception.
 */
public final class SignalExtractor {
    /** The UDP port for Mobile IPv6 signaling over IPv4 (RFC 5844). */
    public static final int MIP6_UDP_PORT = 5436;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86dd;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88a8;
    private static final int ETHERNET_HEADER = 14;
    private static final int VLAN_TAG = 4;
    private static final int SLL_HEADER = 16;
    private static final int SLL_PROTOCOL_OFFSET = 14;
    private static final int SLL2_HEADER = 20;

    private static final int IPV4_MIN_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int UDP_HEADER = 8;
    private static final int PROTO_UDP = 17;
    // RFC 8200 section 4: the extension headers walked on the way to the Mobility Header.
    private static final int NH_HOP_BY_HOP = 0;
    private static final int NH_ROUTING = 43;
    private static final int NH_FRAGMENT = 44;
    private static final int NH_AUTHENTICATION = 51;
    private static final int NH_DESTINATION_OPTIONS = 60;

    private final int udpPort;

    public SignalExtractor() {
        this(MIP6_UDP_PORT);
    }

    public SignalExtractor(int udpPort) {
        if (udpPort < 1 || udpPort > 0xffff) {
            throw new IllegalArgumentException("UDP port out of range: " + udpPort);
        }
        this.udpPort = udpPort;
    }

    public FrameOutcome extract(LinkType linkType, PcapRecord record) {
        return new Walk(record).run(linkType);
    }

    /** The state of one frame's walk; offsets are relative to the frame's first byte. */
    private final class Walk {
        private final PcapRecord record;
        private final byte[] b;

        Walk(PcapRecord record) {
            this.record = record;
            this.b = record.dataUnsafe();
        }

        FrameOutcome run(LinkType linkType) {
            return switch (linkType) {
                case RAW, RAW_DLT_12, RAW_DLT_14, IPV4, IPV6 -> ipByVersion(0);
                case ETHERNET -> ethernet();
                case LINUX_SLL -> b.length < SLL_HEADER
                        ? error(b.length, FrameError.Kind.TRUNCATED_LINK_HEADER, "shorter than the 16-byte SLL header")
                        : byEthertype(u16(SLL_PROTOCOL_OFFSET), SLL_HEADER);
                case LINUX_SLL2 -> b.length < SLL2_HEADER
                        ? error(b.length, FrameError.Kind.TRUNCATED_LINK_HEADER, "shorter than the 20-byte SLL2 header")
                        : byEthertype(u16(0), SLL2_HEADER);
            };
        }

        private FrameOutcome ethernet() {
            if (b.length < ETHERNET_HEADER) {
                return error(b.length, FrameError.Kind.TRUNCATED_LINK_HEADER, "shorter than the 14-byte Ethernet header");
            }
            int type = u16(12);
            int start = ETHERNET_HEADER;
            if (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ) {
                if (b.length < ETHERNET_HEADER + VLAN_TAG) {
                    return error(b.length, FrameError.Kind.TRUNCATED_LINK_HEADER, "frame ends inside the 802.1Q tag");
                }
                type = u16(16);
                start += VLAN_TAG;
            }
            return byEthertype(type, start);
        }

        private FrameOutcome byEthertype(int type, int start) {
            return switch (type) {
                case ETHERTYPE_IPV4, ETHERTYPE_IPV6 -> ipByVersion(start);
                default -> skip(String.format("ethertype 0x%04x", type));
            };
        }

        private FrameOutcome ipByVersion(int start) {
            if (b.length <= start) {
                return error(start, FrameError.Kind.TRUNCATED_IP_PACKET, "no IP header");
            }
            int version = (b[start] & 0xff) >>> 4;
            return switch (version) {
                case 4 -> ipv4(start);
                case 6 -> ipv6(start);
                default -> error(start, FrameError.Kind.MALFORMED_IP_HEADER, "IP version " + version);
            };
        }

        private FrameOutcome ipv6(int start) {
            if (b.length - start < IPV6_HEADER) {
                return error(b.length, FrameError.Kind.TRUNCATED_IP_PACKET, "shorter than the 40-byte IPv6 header");
            }
            int payloadLength = u16(start + 4);
            int end = start + IPV6_HEADER + payloadLength;
            if (end > b.length) {
                return error(b.length, FrameError.Kind.TRUNCATED_IP_PACKET,
                        "Payload Length " + payloadLength + " runs past the captured bytes");
            }
            int nextHeader = b[start + 6] & 0xff;
            int at = start + IPV6_HEADER;
            // Each extension header is at least 8 bytes, so the walk ends within the packet.
            while (true) {
                switch (nextHeader) {
                    case MobilityHeaderChecksum.IPPROTO_MH -> {
                        return new CapturedSignal(record.frameNumber(), record.time(), TransportKind.MH_IPV6,
                                address(start + 8, 16), address(start + 24, 16),
                                CapturedSignal.NO_PORT, CapturedSignal.NO_PORT, Arrays.copyOfRange(b, at, end));
                    }
                    case NH_HOP_BY_HOP, NH_ROUTING, NH_DESTINATION_OPTIONS, NH_AUTHENTICATION, NH_FRAGMENT -> {
                        if (end - at < 8) {
                            return error(end, FrameError.Kind.TRUNCATED_EXTENSION_HEADER,
                                    "extension header " + nextHeader + " needs 8 bytes, " + (end - at) + " left");
                        }
                        int length;
                        if (nextHeader == NH_FRAGMENT) {
                            // RFC 8200 section 4.5: only an atomic fragment (offset 0, M clear) is whole.
                            int offsetAndFlags = u16(at + 2);
                            if ((offsetAndFlags & 0xfff8) != 0) {
                                return skip("non-first IPv6 fragment");
                            }
                            if ((offsetAndFlags & 1) != 0) {
                                return error(at, FrameError.Kind.FRAGMENT_NOT_REASSEMBLED,
                                        "first IPv6 fragment; reassembly is not supported");
                            }
                            length = 8;
                        } else if (nextHeader == NH_AUTHENTICATION) {
                            // RFC 4302 section 2.2: Payload Len counts 4-octet units, minus 2.
                            length = ((b[at + 1] & 0xff) + 2) * 4;
                        } else {
                            // RFC 8200 section 4.3: Hdr Ext Len counts 8-octet units beyond the first.
                            length = ((b[at + 1] & 0xff) + 1) * 8;
                        }
                        if (end - at < length) {
                            return error(end, FrameError.Kind.TRUNCATED_EXTENSION_HEADER,
                                    "extension header " + nextHeader + " of " + length + " bytes, " + (end - at) + " left");
                        }
                        nextHeader = b[at] & 0xff;
                        at += length;
                    }
                    default -> {
                        return skip("IPv6 next header " + nextHeader);
                    }
                }
            }
        }

        private FrameOutcome ipv4(int start) {
            if (b.length - start < IPV4_MIN_HEADER) {
                return error(b.length, FrameError.Kind.TRUNCATED_IP_PACKET, "shorter than the 20-byte IPv4 header");
            }
            int headerLength = (b[start] & 0x0f) * 4;
            int totalLength = u16(start + 2);
            if (headerLength < IPV4_MIN_HEADER || totalLength < headerLength) {
                return error(start, FrameError.Kind.MALFORMED_IP_HEADER,
                        "IHL " + headerLength + " bytes, Total Length " + totalLength);
            }
            int end = start + totalLength;
            if (end > b.length) {
                return error(b.length, FrameError.Kind.TRUNCATED_IP_PACKET,
                        "Total Length " + totalLength + " runs past the captured bytes");
            }
            int protocol = b[start + 9] & 0xff;
            if (protocol != PROTO_UDP) {
                return skip("IPv4 protocol " + protocol);
            }
            // RFC 791: More Fragments flag and the 13-bit Fragment Offset.
            int fragment = u16(start + 6);
            boolean moreFragments = (fragment & 0x2000) != 0;
            if ((fragment & 0x1fff) != 0) {
                return skip("non-first IPv4 fragment");
            }
            int udp = start + headerLength;
            if (end - udp < UDP_HEADER) {
                return error(end, FrameError.Kind.MALFORMED_UDP, "UDP header needs 8 bytes, " + (end - udp) + " left");
            }
            int sourcePort = u16(udp);
            int destinationPort = u16(udp + 2);
            if (sourcePort != udpPort && destinationPort != udpPort) {
                return skip("UDP ports " + sourcePort + " -> " + destinationPort);
            }
            if (moreFragments) {
                return error(start + 6, FrameError.Kind.FRAGMENT_NOT_REASSEMBLED,
                        "first IPv4 fragment; reassembly is not supported");
            }
            int udpLength = u16(udp + 4);
            if (udpLength < UDP_HEADER || udpLength > end - udp) {
                return error(udp + 4, FrameError.Kind.MALFORMED_UDP,
                        "UDP Length " + udpLength + " with " + (end - udp) + " bytes of IP payload");
            }
            return new CapturedSignal(record.frameNumber(), record.time(), TransportKind.UDP_IPV4,
                    address(start + 12, 4), address(start + 16, 4), sourcePort, destinationPort,
                    Arrays.copyOfRange(b, udp + UDP_HEADER, udp + udpLength));
        }

        private int u16(int at) {
            return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
        }

        private InetAddress address(int at, int length) {
            byte[] raw = Arrays.copyOfRange(b, at, at + length);
            try {
                // Inet6Address keeps an IPv4-mapped IPv6 source an IPv6 address; getByAddress would not.
                return length == 16 ? Inet6Address.getByAddress(null, raw, -1) : InetAddress.getByAddress(raw);
            } catch (UnknownHostException impossible) {
                // getByAddress only fails for lengths other than 4 and 16.
                throw new AssertionError(impossible);
            }
        }

        private FrameError error(int frameOffset, FrameError.Kind kind, String detail) {
            return new FrameError(record.frameNumber(), record.dataFileOffset() + frameOffset, frameOffset, kind, detail);
        }

        private SkippedFrame skip(String reason) {
            return new SkippedFrame(record.frameNumber(), reason);
        }
    }
}
