package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.uint8;

import java.util.Optional;

/** Access Technology Type option (RFC 5213 section 8.5): Reserved (8), Access Technology Type (8); no alignment requirement. */
public record AccessTechnologyTypeOption(int accessTechnologyTypeCode) implements MobilityOption {
    public static final int TYPE = 24;

    public AccessTechnologyTypeOption {
        uint8("accessTechnologyType", accessTechnologyTypeCode);
    }

    public static AccessTechnologyTypeOption of(io.pmip.protocol.mh.AccessTechnologyType att) {
        return new AccessTechnologyTypeOption(att.code());
    }

    public Optional<io.pmip.protocol.mh.AccessTechnologyType> accessTechnologyType() {
        return io.pmip.protocol.mh.AccessTechnologyType.fromCode(accessTechnologyTypeCode);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
