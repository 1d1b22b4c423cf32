package io.pmip.protocol.pcap;

/** The 16-bit one's complement sum of RFC 1071, accumulated over several byte ranges. */
final class InternetChecksum {
    private long sum;

    InternetChecksum add(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        for (; i + 1 < end; i += 2) {
            sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if (i < end) {
            sum += (b[i] & 0xff) << 8;
        }
        return this;
    }

    InternetChecksum add16(int value) {
        sum += value & 0xffff;
        return this;
    }

    /** The complemented, folded sum as it goes in a header's checksum field. */
    int value() {
        long s = sum;
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) (~s & 0xffff);
    }
}
