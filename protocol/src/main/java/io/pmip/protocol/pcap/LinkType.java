package io.pmip.protocol.pcap;

import java.util.Optional;

/**
 * The link-layer header types this reader understands, with their LINKTYPE_ values from the
 * tcpdump.org registry (the value in the pcap global header).
 */
public enum LinkType {
    /** LINKTYPE_ETHERNET: 14-byte Ethernet II header, optionally one 802.1Q tag. */
    ETHERNET(1),
    /** LINKTYPE_RAW: the frame is an IPv4 or IPv6 packet, told apart by the version nibble. */
    RAW(101),
    /** DLT_RAW as written by some BSD-derived writers, which put the DLT value in the file. */
    RAW_DLT_12(12),
    /** DLT_RAW as written by OpenBSD-derived writers. */
    RAW_DLT_14(14),
    /** LINKTYPE_LINUX_SLL: the 16-byte Linux "cooked" header of {@code tcpdump -i any}. */
    LINUX_SLL(113),
    /** LINKTYPE_IPV4: raw IPv4 only. */
    IPV4(228),
    /** LINKTYPE_IPV6: raw IPv6 only. */
    IPV6(229),
    /** LINKTYPE_LINUX_SLL2: the 20-byte Linux "cooked" header v2 of newer libpcap. */
    LINUX_SLL2(276);

    private final int wireValue;

    LinkType(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() {
        return wireValue;
    }

    public static Optional<LinkType> fromWire(int value) {
        for (LinkType t : values()) {
            if (t.wireValue == value) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
