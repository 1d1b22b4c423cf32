package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.uint8;
import static io.pmip.protocol.mh.WireValues.range;
import static io.pmip.protocol.mh.WireValues.required;

import java.net.Inet4Address;
import java.util.Optional;

/** IPv4 Home Address Reply option (RFC 5844 section 3.3.2): Status (8), Prefix-len (6 bits), Reserved (2 bits), IPv4 home address (32); alignment 4n. */
public record Ipv4HomeAddressReply(int statusCode, int prefixLength, Inet4Address address) implements MobilityOption {
    public static final int TYPE = 37;

    public Ipv4HomeAddressReply {
        uint8("status", statusCode);
        range("prefixLength", prefixLength, 0, 32);
        required("address", address);
    }

    public static Ipv4HomeAddressReply of(Ipv4HomeAddressReplyStatus status, int prefixLength, Inet4Address address) {
        return new Ipv4HomeAddressReply(status.code(), prefixLength, address);
    }

    public Optional<Ipv4HomeAddressReplyStatus> status() {
        return Ipv4HomeAddressReplyStatus.fromCode(statusCode);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
