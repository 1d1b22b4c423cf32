package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.range;
import static io.pmip.protocol.mh.WireValues.required;

import java.net.Inet6Address;

/** MAG IPv6 Address option (RFC 6705 section 11.1): Reserved (8), Address Length (8, 128), MAG IPv6 Address (128): Length 18; alignment 8n+4. (tshark 4.0 wrongly expects Length 16.) */
public record MagIpv6Address(int addressLength, Inet6Address address) implements MobilityOption {
    public static final int TYPE = 51;

    public MagIpv6Address {
        range("addressLength", addressLength, 0, 128);
        required("address", address);
    }

    public static MagIpv6Address of(Inet6Address address) {
        return new MagIpv6Address(128, address);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
