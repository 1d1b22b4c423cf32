package io.pmip.mag;

/**
 * Bulk binding update groups (RFC 6602): the MAG puts each binding into a group of at most
 * {@code groupSize} bindings and refreshes a group with one PBU.
 *
 * @param firstGroupIdentifier the first Mobile Node Group Identifier this MAG hands out; MAGs
 *        sharing an LMA should use disjoint ranges. Must be above 1, which RFC 6602 section 5.1
 *        reserves for ALL-SESSIONS.
 */
public record BulkRefreshConfig(boolean enabled, int groupSize, long firstGroupIdentifier) {
    public static final BulkRefreshConfig DISABLED = new BulkRefreshConfig(false, 1, 2);

    public BulkRefreshConfig {
        if (groupSize < 1) {
            throw new IllegalArgumentException("groupSize must be positive: " + groupSize);
        }
        if (firstGroupIdentifier < 2 || firstGroupIdentifier > 0xffffffffL) {
            throw new IllegalArgumentException("firstGroupIdentifier must be in 2..2^32-1: " + firstGroupIdentifier);
        }
    }

    public static BulkRefreshConfig groupsOf(int groupSize, long firstGroupIdentifier) {
        return new BulkRefreshConfig(true, groupSize, firstGroupIdentifier);
    }
}
