package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.required;

import java.net.Inet6Address;

/** Link-local Address option (RFC 5213 section 8.7): 16-byte address; alignment 8n+6. */
public record LinkLocalAddress(Inet6Address address) implements MobilityOption {
    public static final int TYPE = 26;

    public LinkLocalAddress {
        required("address", address);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
