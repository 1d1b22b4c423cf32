package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.required;

import java.net.Inet4Address;

/** IPv4 Default-Router Address option (RFC 5844 section 3.3.3): Reserved (16), IPv4 address (32); alignment 4n. */
public record Ipv4DefaultRouterAddress(Inet4Address address) implements MobilityOption {
    public static final int TYPE = 38;

    public Ipv4DefaultRouterAddress {
        required("address", address);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
