package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.uint8;

import java.util.Optional;

/** Handoff Indicator option (RFC 5213 section 8.4): Reserved (8), Handoff Indicator (8); no alignment requirement. */
public record HandoffIndicatorOption(int handoffIndicatorCode) implements MobilityOption {
    public static final int TYPE = 23;

    public HandoffIndicatorOption {
        uint8("handoffIndicator", handoffIndicatorCode);
    }

    public static HandoffIndicatorOption of(io.pmip.protocol.mh.HandoffIndicator indicator) {
        return new HandoffIndicatorOption(indicator.code());
    }

    public Optional<io.pmip.protocol.mh.HandoffIndicator> handoffIndicator() {
        return io.pmip.protocol.mh.HandoffIndicator.fromCode(handoffIndicatorCode);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
