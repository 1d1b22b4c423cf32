package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.required;

import java.net.Inet4Address;

/** Alternate IPv4 Care-of Address option (RFC 6463 section 6.4): IPv4 address (32) right after Length; alignment 4n+2. */
public record AlternateIpv4CareOfAddress(Inet4Address address) implements MobilityOption {
    public static final int TYPE = 49;

    public AlternateIpv4CareOfAddress {
        required("address", address);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
