package io.pmip.mag;

/** Why a PBU was sent; reported in events and chosen per RFC 5213 section 6.9.1. */
public enum PbuKind {
    /** First registration of a newly attached mobile node, HI 1 (RFC 5213 6.9.1.1). */
    INITIAL,
    /** Registration after a handoff from another MAG, HI 3 with the prefixes it had. */
    HANDOFF,
    /** Lifetime extension, HI 5 (RFC 5213 6.9.1.2). */
    REFRESH,
    /** Re-registration after the LMA came back (RFC 5847 section 3, restart detection), HI 5, paced. */
    REESTABLISH,
    /** Lifetime 0 (RFC 5213 6.9.1.3). */
    DEREGISTRATION,
    /** One PBU with the B flag refreshing a whole group (RFC 6602 section 4.2). */
    BULK_REFRESH,
    /** One PBU with the B flag and lifetime 0 for a whole group (RFC 6602 section 4.2). */
    BULK_DEREGISTRATION;

    public boolean isBulk() {
        return this == BULK_REFRESH || this == BULK_DEREGISTRATION;
    }

    /** A first registration at this MAG (attach or handoff), the PBU RFC 6463 calls initial. */
    public boolean isInitial() {
        return this == INITIAL || this == HANDOFF;
    }

    public boolean isDeregistration() {
        return this == DEREGISTRATION || this == BULK_DEREGISTRATION;
    }
}
