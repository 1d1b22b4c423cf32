package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.uint8;
import static io.pmip.protocol.mh.WireValues.uint16;
import static io.pmip.protocol.mh.WireValues.range;
import static io.pmip.protocol.mh.WireValues.required;

import io.pmip.protocol.Bytes;

/** Flow Identification option (RFC 6089 section 4.1): FID (16), FID-PRI (16), Reserved (8), Status (8), then sub-options kept as raw bytes; alignment 2n. */
public record FlowIdentification(int flowIdentifier, int flowPriority, int statusCode, Bytes subOptions) implements MobilityOption {
    public static final int TYPE = 45;

    public FlowIdentification {
        uint16("flowIdentifier", flowIdentifier);
        uint16("flowPriority", flowPriority);
        uint8("status", statusCode);
        required("subOptions", subOptions);
        range("subOptions length", subOptions.length(), 0, 249);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
