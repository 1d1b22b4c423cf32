package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.uint16;
import static io.pmip.protocol.mh.WireValues.range;

import java.util.List;

/** Flow Summary option (RFC 6089 section 4.2): one or more 16-bit Flow Identifiers; alignment 2n. */
public record FlowSummary(List<Integer> flowIdentifiers) implements MobilityOption {
    public static final int TYPE = 44;

    public FlowSummary {
        flowIdentifiers = List.copyOf(flowIdentifiers);
        range("flow identifier count", flowIdentifiers.size(), 1, 126);
        for (int fid : flowIdentifiers) {
            uint16("flowIdentifier", fid);
        }
    }

    @Override
    public int type() {
        return TYPE;
    }
}
