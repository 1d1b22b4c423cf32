package io.pmip.protocol.codec;

import io.pmip.protocol.mh.MobilityMessage;
import java.util.List;

/** A decoded message and the rules it broke that lenient mode let pass (always empty in strict mode). */
public record DecodeResult(MobilityMessage message, List<DecodeWarning> warnings) {
    public DecodeResult {
        warnings = List.copyOf(warnings);
    }
}
