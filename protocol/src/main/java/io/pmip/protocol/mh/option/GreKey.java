package io.pmip.protocol.mh.option;

import static io.pmip.protocol.mh.WireValues.uint32;

/** GRE Key option (RFC 5845 section 5.1): Reserved (16), optional GRE Key Identifier (32); alignment 4n. Without a key (Length 2) it asks the peer to choose one. */
public record GreKey(boolean keyPresent, long key) implements MobilityOption {
    public static final int TYPE = 33;

    public GreKey {
        uint32("key", key);
        if (!keyPresent && key != 0) {
            throw new IllegalArgumentException("key must be 0 when absent");
        }
    }

    public static GreKey of(long key) {
        return new GreKey(true, key);
    }

    /** The option with no key: a request for GRE encapsulation (RFC 5845 section 3). */
    public static GreKey withoutKey() {
        return new GreKey(false, 0);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
