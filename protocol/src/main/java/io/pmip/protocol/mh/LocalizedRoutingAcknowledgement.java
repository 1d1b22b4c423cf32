package io.pmip.protocol.mh;

import static io.pmip.protocol.mh.WireValues.range;
import static io.pmip.protocol.mh.WireValues.uint16;
import static io.pmip.protocol.mh.WireValues.uint8;

import io.pmip.protocol.mh.option.MobilityOption;
import java.util.List;
import java.util.Optional;

/**
 * Localized Routing Acknowledgement, MH Type 18 (RFC 6705 section 11.3): Sequence # (16), U flag
 * + 7 reserved bits (8), Status (8), Lifetime (16, in seconds) from MH offset 6, options from 12.
 *
 * @param unsolicited U: sent without a preceding LRI
 * @param otherFlags the 7 reserved bits next to U (mask 0x7f), kept so nothing is lost
 */
public record LocalizedRoutingAcknowledgement(int sequence, boolean unsolicited, int otherFlags, int statusCode,
        int lifetimeSeconds, List<MobilityOption> options) implements MobilityMessage {
    public static final int MH_TYPE = 18;
    public static final int FLAG_U = 0x80;

    public LocalizedRoutingAcknowledgement {
        uint16("sequence", sequence);
        range("otherFlags", otherFlags, 0, 0x7f);
        uint8("status", statusCode);
        uint16("lifetime", lifetimeSeconds);
        options = List.copyOf(options);
    }

    public static LocalizedRoutingAcknowledgement of(int sequence, LocalizedRoutingStatus status, int lifetimeSeconds,
            List<MobilityOption> options) {
        return new LocalizedRoutingAcknowledgement(sequence, false, 0, status.code(), lifetimeSeconds, options);
    }

    public Optional<LocalizedRoutingStatus> status() {
        return LocalizedRoutingStatus.fromCode(statusCode);
    }

    public int flags() {
        return (unsolicited ? FLAG_U : 0) | otherFlags;
    }

    @Override
    public int mhType() {
        return MH_TYPE;
    }
}
