package io.pmip.lma.redirect;

import io.pmip.persistence.CborSerializable;

/**
 * What an operator configures for one node, in the terms of the RFC 6463 Load Information option:
 * its Priority (a lower value is preferred) and its Maximum Sessions and Maximum Capacity. This
 * LMA has no user plane, so capacity is counted in PBUs per second (a decision, docs). A maximum of
 * 0 means "not configured": the node then advertises no limit and is never full.
 */
public record Capacity(int priority, long maximumSessions, long maximumCapacity) implements CborSerializable {
    public static final Capacity UNCONFIGURED = new Capacity(0, 0, 0);
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    public Capacity {
        if (priority < 0 || priority > 0xFFFF) {
            throw new IllegalArgumentException("priority must fit 16 bits (RFC 6463 Load Information): " + priority);
        }
        if (maximumSessions < 0 || maximumSessions > UINT32_MAX || maximumCapacity < 0 || maximumCapacity > UINT32_MAX) {
            throw new IllegalArgumentException("maximum sessions and capacity must fit 32 bits: "
                    + maximumSessions + ", " + maximumCapacity);
        }
    }

    static long clampUint32(double value) {
        return value <= 0 ? 0 : value >= UINT32_MAX ? UINT32_MAX : Math.round(value);
    }
}
