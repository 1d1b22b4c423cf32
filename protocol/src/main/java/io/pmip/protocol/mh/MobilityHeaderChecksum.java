package io.pmip.protocol.mh;

import io.pmip.protocol.InternetChecksum;

/**
 * The Mobility Header checksum (RFC 6275 section 6.1.1): the 16-bit one's complement of the one's
 * complement sum of the IPv6 pseudo-header (RFC 2460 section 8.1: source, destination, 32-bit
 * upper-layer length, three zero bytes, Next Header 135) and the whole Mobility Header with its
 * Checksum field taken as zero.
 */
public final class MobilityHeaderChecksum {
    /** IANA protocol number of the Mobility Header. */
    public static final int IPPROTO_MH = 135;
    /** Offset of the Checksum field from the first byte of the Mobility Header. */
    public static final int CHECKSUM_OFFSET = 4;

    private MobilityHeaderChecksum() {
    }

    /**
     * Computes the checksum of {@code mh[off..off+len)} with the 16-byte {@code source} and
     * {@code destination} addresses; the bytes at the Checksum field are skipped (taken as zero).
     */
    public static int compute(byte[] source, byte[] destination, byte[] mh, int off, int len) {
        if (source.length != 16 || destination.length != 16) {
            throw new IllegalArgumentException("pseudo-header needs 16-byte IPv6 addresses");
        }
        InternetChecksum sum = new InternetChecksum()
                .add(source, 0, 16)
                .add(destination, 0, 16)
                .add16(len >>> 16)
                .add16(len)
                .add16(IPPROTO_MH)
                .add(mh, off, Math.min(len, CHECKSUM_OFFSET));
        if (len > CHECKSUM_OFFSET + 2) {
            sum.add(mh, off + CHECKSUM_OFFSET + 2, len - CHECKSUM_OFFSET - 2);
        }
        int result = sum.value();
        // RFC 768 convention kept by IPv6 upper layers: a computed zero is sent as all ones.
        return result == 0 ? 0xffff : result;
    }

    /** True when the Checksum field stored in {@code mh} matches the computed value. */
    public static boolean verify(byte[] source, byte[] destination, byte[] mh, int off, int len) {
        if (len < CHECKSUM_OFFSET + 2) {
            return false;
        }
        int stored = ((mh[off + CHECKSUM_OFFSET] & 0xff) << 8) | (mh[off + CHECKSUM_OFFSET + 1] & 0xff);
        int computed = compute(source, destination, mh, off, len);
        // 0x0000 and 0xffff are the same value in one's complement arithmetic.
        return stored == computed || (computed == 0xffff && stored == 0);
    }
}
