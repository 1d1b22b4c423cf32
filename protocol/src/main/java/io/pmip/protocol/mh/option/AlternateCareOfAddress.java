package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.required;

import java.net.Inet6Address;

/** Alternate Care-of Address option (RFC 6275 section 6.2.5): 16-byte address; alignment 8n+6. */
public record AlternateCareOfAddress(Inet6Address address) implements MobilityOption {
    public static final int TYPE = 3;

    public AlternateCareOfAddress {
        required("address", address);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
