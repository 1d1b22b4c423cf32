package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.uint16;
import static io.pmip.protocol.mh.WireValues.uint32;

/** Load Information option (RFC 6463 section 6.3): Priority (16), Sessions in Use (32), Maximum Sessions (32), Used Capacity (32), Maximum Capacity (32); alignment 4n (see docs/wire-format-decisions.md). */
public record LoadInformation(int priority, long sessionsInUse, long maximumSessions, long usedCapacity, long maximumCapacity) implements MobilityOption {
    public static final int TYPE = 48;

    public LoadInformation {
        uint16("priority", priority);
        uint32("sessionsInUse", sessionsInUse);
        uint32("maximumSessions", maximumSessions);
        uint32("usedCapacity", usedCapacity);
        uint32("maximumCapacity", maximumCapacity);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
