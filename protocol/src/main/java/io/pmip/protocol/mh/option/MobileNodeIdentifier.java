package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.uint8;
import static io.pmip.protocol.mh.WireValues.range;
import static io.pmip.protocol.mh.WireValues.required;

import io.pmip.protocol.Bytes;
import java.util.Optional;

/** Mobile Node Identifier option (RFC 4283 section 3): Subtype (8), Identifier; no alignment requirement. Every subtype is kept (1 = NAI; RFC 8371 adds 2..8). */
public record MobileNodeIdentifier(int subtype, Bytes identifier) implements MobilityOption {
    public static final int TYPE = 8;

    /** Subtype 1: Network Access Identifier (RFC 4283 section 3). */
    public static final int SUBTYPE_NAI = 1;

    public MobileNodeIdentifier {
        uint8("subtype", subtype);
        required("identifier", identifier);
        range("identifier length", identifier.length(), 0, 254);
    }

    /** An NAI identifier (subtype 1), UTF-8 encoded (RFC 4282). */
    public static MobileNodeIdentifier nai(String nai) {
        return new MobileNodeIdentifier(SUBTYPE_NAI, Bytes.of(nai.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The NAI text when the subtype is NAI. */
    public Optional<String> naiText() {
        return subtype == SUBTYPE_NAI
                ? Optional.of(new String(identifier.toArray(), java.nio.charset.StandardCharsets.UTF_8))
                : Optional.empty();
    }

    @Override
    public int type() {
        return TYPE;
    }
}
