package io.pmip.mag;

import java.util.concurrent.atomic.LongAdder;

/** Inbound counters of a {@link MagNode}, readable from any thread. */
public final class MagNodeStats {
    private final LongAdder routed = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder unroutable = new LongAdder();
    private final LongAdder unhandledType = new LongAdder();

    /** Datagrams decoded and delivered to a MAG actor. */
    public long routed() {
        return routed.sum();
    }

    /** Datagrams the decoder refused (bad checksum, bad length, bad option...): dropped. */
    public long malformed() {
        return malformed.sum();
    }

    /** Well-formed messages no MAG here owns (unknown MN-Identifier, no MAG on that address). */
    public long unroutable() {
        return unroutable.sum();
    }

    /** Well-formed messages of a type a MAG does not take (e.g. a PBU). */
    public long unhandledType() {
        return unhandledType.sum();
    }

    void countRouted() {
        routed.increment();
    }

    void countMalformed() {
        malformed.increment();
    }

    void countUnroutable() {
        unroutable.increment();
    }

    void countUnhandledType() {
        unhandledType.increment();
    }

    @Override
    public String toString() {
        return "MagNodeStats[routed=" + routed() + ", malformed=" + malformed() + ", unroutable=" + unroutable()
                + ", unhandledType=" + unhandledType() + "]";
    }
}
