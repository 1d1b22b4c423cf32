package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.uint8;
import static io.pmip.protocol.mh.WireValues.uint32;

/** Mobile Node Group Identifier option (RFC 6602 section 5.1): Sub-type (8; 1 = Bulk Binding Update Group), Reserved (8), Mobile Node Group Identifier (32; 1 = ALL-SESSIONS); alignment 4n. */
public record MobileNodeGroupIdentifier(int subtype, long groupIdentifier) implements MobilityOption {
    public static final int TYPE = 50;

    public static final int SUBTYPE_BULK_BINDING_UPDATE_GROUP = 1;
    public static final long ALL_SESSIONS = 1;

    public MobileNodeGroupIdentifier {
        uint8("subtype", subtype);
        uint32("groupIdentifier", groupIdentifier);
    }

    public static MobileNodeGroupIdentifier bulkBindingUpdateGroup(long groupIdentifier) {
        return new MobileNodeGroupIdentifier(SUBTYPE_BULK_BINDING_UPDATE_GROUP, groupIdentifier);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
