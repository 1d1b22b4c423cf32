package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.required;

import java.net.Inet4Address;

/** IPv4 Care-of Address option (RFC 5555 section 3.1.5, used by RFC 5844 for the IPv4 Proxy-CoA): Reserved (16), IPv4 address (32); alignment 4n. */
public record Ipv4CareOfAddress(Inet4Address address) implements MobilityOption {
    public static final int TYPE = 32;

    public Ipv4CareOfAddress {
        required("address", address);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
