package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.range;
import static io.pmip.protocol.mh.WireValues.required;

import io.pmip.protocol.Bytes;

/** Mobile Node Link-layer Identifier option (RFC 5213 section 8.6): Reserved (16), Link-layer Identifier (RFC 4861 4.6 format). Placed at 8n+4 so the identifier is 8-aligned; see docs/wire-format-decisions.md. */
public record MobileNodeLinkLayerIdentifier(Bytes identifier) implements MobilityOption {
    public static final int TYPE = 25;

    public MobileNodeLinkLayerIdentifier {
        required("identifier", identifier);
        range("identifier length", identifier.length(), 0, 253);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
