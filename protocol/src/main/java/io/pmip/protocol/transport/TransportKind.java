package io.pmip.protocol.transport;

/** The two ways a Mobility Header travels between a MAG and an LMA. */
public enum TransportKind {
    /** Mobility Header directly after the IPv6 header, Next Header 135 (RFC 6275 section 6.1). */
    MH_IPV6(135, 0),
    /** Mobility Header as the payload of UDP port 5436 over IPv4 (RFC 5844 section 3.1.1.1). */
    UDP_IPV4(17, 5436);

    private final int ipProtocol;
    private final int defaultPort;

    TransportKind(int ipProtocol, int defaultPort) {
        this.ipProtocol = ipProtocol;
        this.defaultPort = defaultPort;
    }

    /** The IP protocol number that carries the signaling: 135 (Mobility Header) or 17 (UDP). */
    public int ipProtocol() {
        return ipProtocol;
    }

    /** The well-known port, or 0 where the transport has no ports. */
    public int defaultPort() {
        return defaultPort;
    }
}
