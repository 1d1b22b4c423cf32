package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.uint8;
import static io.pmip.protocol.mh.WireValues.range;
import static io.pmip.protocol.mh.WireValues.required;

import io.pmip.protocol.Bytes;

/** A mobility option this model does not parse, kept as its Type and raw data so it re-encodes unchanged. Pad1/PadN are never represented (the codec handles padding). */
public record UnknownOption(int optionType, Bytes data) implements MobilityOption {

    public UnknownOption {
        uint8("optionType", optionType);
        required("data", data);
        range("data length", data.length(), 0, 255);
        if (optionType <= 1 || MobilityOption.isModelled(optionType)) {
            throw new IllegalArgumentException("option type " + optionType + " is padding or has its own record");
        }
    }

    @Override
    public int type() {
        return optionType;
    }
}
