package io.pmip.protocol.mh;

import static io.pmip.protocol.mh.WireValues.required;
import static io.pmip.protocol.mh.WireValues.uint8;

import io.pmip.protocol.Bytes;
import io.pmip.protocol.mh.option.MobilityOption;
import java.util.List;

/**
 * A Mobility Header message this model does not parse (e.g. Home Test Init, Fast Binding Update,
 * or MH Type 16 with an unassigned B.R. Type). {@code body} is every byte after the Checksum
 * field (MH offset 6) to the end of the Mobility Header, options and padding included, so it
 * re-encodes byte for byte. RFC 6275 section 9.2 says a receiver answers an unrecognized type
 * with a Binding Error (status 2); that is the receiver's policy, not the codec's.
 */
public record UnknownMessage(int mhType, Bytes body) implements MobilityMessage {
    /** Largest body: Header Len 255 gives a 2048-octet Mobility Header (RFC 6275 6.1.1). */
    public static final int MAX_BODY = 2048 - 6;

    public UnknownMessage {
        uint8("mhType", mhType);
        required("body", body);
        if ((body.length() + 6) % 8 != 0 || body.length() > MAX_BODY) {
            throw new IllegalArgumentException(
                    "body length + 6 must be a multiple of 8 up to 2048, got body length " + body.length());
        }
        if (isModelled(mhType, body)) {
            throw new IllegalArgumentException("MH Type " + mhType + " has its own record");
        }
    }

    /** True when the codec parses this type into a dedicated record. */
    public static boolean isModelled(int mhType, Bytes body) {
        return switch (mhType) {
            case 0, 5, 6, 7, 13, 17, 18, 19, 20 -> true;
            case 16 -> body.length() > 0 && (body.get(0) == 1 || body.get(0) == 2);
            default -> false;
        };
    }

    /** Always empty: options of an unparsed message stay inside {@link #body()}. */
    @Override
    public List<MobilityOption> options() {
        return List.of();
    }
}
