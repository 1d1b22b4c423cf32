package io.pmip.protocol.mh;

import static io.pmip.protocol.mh.WireValues.uint16;

import io.pmip.protocol.mh.option.MobilityOption;
import java.util.List;

/**
 * Localized Routing Initiation, MH Type 17 (RFC 6705 section 11.2): Sequence # (16), Reserved
 * (16), Lifetime (16, in seconds) from MH offset 6, options from 12. (tshark 4.0 decodes this
 * from the wrong offset; this follows the RFC.)
 */
public record LocalizedRoutingInitiation(int sequence, int lifetimeSeconds, List<MobilityOption> options)
        implements MobilityMessage {
    public static final int MH_TYPE = 17;

    public LocalizedRoutingInitiation {
        uint16("sequence", sequence);
        uint16("lifetime", lifetimeSeconds);
        options = List.copyOf(options);
    }

    @Override
    public int mhType() {
        return MH_TYPE;
    }
}
