package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.range;
import static io.pmip.protocol.mh.WireValues.required;

import java.net.Inet4Address;

/** IPv4 Home Address Request option (RFC 5844 section 3.3.1): Prefix-len (6 bits), Reserved (10 bits), IPv4 home address (32; 0.0.0.0 asks the LMA to allocate); alignment 4n. */
public record Ipv4HomeAddressRequest(int prefixLength, Inet4Address address) implements MobilityOption {
    public static final int TYPE = 36;

    public Ipv4HomeAddressRequest {
        range("prefixLength", prefixLength, 0, 32);
        required("address", address);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
