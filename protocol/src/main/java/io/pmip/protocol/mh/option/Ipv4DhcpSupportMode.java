package io.pmip.protocol.mh.option;

/** IPv4 DHCP Support Mode option (RFC 5844 section 3.3.4): 15 reserved bits then S (the last bit: 1 = DHCP server, 0 = DHCP relay); alignment 4n. */
public record Ipv4DhcpSupportMode(boolean dhcpServer) implements MobilityOption {
    public static final int TYPE = 39;

    @Override
    public int type() {
        return TYPE;
    }
}
