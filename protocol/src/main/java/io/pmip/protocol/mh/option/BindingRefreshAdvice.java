package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.uint16;

/** Binding Refresh Advice option (RFC 6275 section 6.2.4): Refresh Interval (16, units of 4 s); alignment 2n. */
public record BindingRefreshAdvice(int refreshInterval) implements MobilityOption {
    public static final int TYPE = 2;

    public BindingRefreshAdvice {
        uint16("refreshInterval", refreshInterval);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
