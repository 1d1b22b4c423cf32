package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.uint32;

/** Restart Counter option (RFC 5847 section 5.2): 32-bit counter; alignment 4n+2. */
public record RestartCounter(long counter) implements MobilityOption {
    public static final int TYPE = 28;

    public RestartCounter {
        uint32("counter", counter);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
