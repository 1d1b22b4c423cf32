package io.pmip.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The 16-bit one's complement sum of RFC 1071, accumulated over several byte ranges. Every range
 * but the last must have an even length, so the 16-bit word grid is kept across ranges.
 */
public final class InternetChecksum {
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private long sum;

    /**
     * Adds {@code b[off..off+len)}. Reads 32-bit words where it can: RFC 1071 section 2(B) lets the
     * sum be taken over wider words and folded to 16 bits at the end.
     */
    public InternetChecksum add(byte[] b, int off, int len) {
        long s = sum;
        int i = off;
        int end = off + len;
        for (; i + 3 < end; i += 4) {
            s += Integer.toUnsignedLong((int) INT_BE.get(b, i));
        }
        if (i + 1 < end) {
            s += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
            i += 2;
        }
        if (i < end) {
            s += (b[i] & 0xff) << 8;
        }
        sum = s;
        return this;
    }

    public InternetChecksum add16(int value) {
        sum += value & 0xffff;
        return this;
    }

    /** The complemented, folded sum as it goes in a header's checksum field. */
    public int value() {
        long s = sum;
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) (~s & 0xffff);
    }
}
