package io.pmip.protocol.mh;

import static io.pmip.protocol.mh.WireValues.range;
import static io.pmip.protocol.mh.WireValues.uint32;

import io.pmip.protocol.mh.option.MobilityOption;
import java.util.List;

/**
 * Heartbeat, MH Type 13 (RFC 5847 section 5.1): a 16-bit field of 14 reserved bits, U and R,
 * then a 32-bit Sequence Number, options from MH offset 12.
 *
 * @param otherFlags the 14 bits RFC 5847 reserves (mask 0xfffc), kept so nothing is lost
 * @param unsolicited U: an unsolicited Heartbeat Response
 * @param response R: 1 = Heartbeat Response, 0 = Heartbeat Request
 * @param sequence 32-bit Sequence Number
 */
public record Heartbeat(int otherFlags, boolean unsolicited, boolean response, long sequence,
        List<MobilityOption> options) implements MobilityMessage {
    public static final int MH_TYPE = 13;
    public static final int FLAG_U = 0x0002;
    public static final int FLAG_R = 0x0001;
    public static final int OTHER_FLAGS_MASK = 0xfffc;

    public Heartbeat {
        range("otherFlags", otherFlags, 0, OTHER_FLAGS_MASK);
        if ((otherFlags & ~OTHER_FLAGS_MASK) != 0) {
            throw new IllegalArgumentException("otherFlags must only use mask 0xfffc");
        }
        uint32("sequence", sequence);
        options = List.copyOf(options);
    }

    public static Heartbeat request(long sequence, List<MobilityOption> options) {
        return new Heartbeat(0, false, false, sequence, options);
    }

    public static Heartbeat response(long sequence, boolean unsolicited, List<MobilityOption> options) {
        return new Heartbeat(0, unsolicited, true, sequence, options);
    }

    public int flags() {
        return otherFlags | (unsolicited ? FLAG_U : 0) | (response ? FLAG_R : 0);
    }

    @Override
    public int mhType() {
        return MH_TYPE;
    }
}
