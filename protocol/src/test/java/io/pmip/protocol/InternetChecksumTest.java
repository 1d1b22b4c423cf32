package io.pmip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class InternetChecksumTest {
    /** The plain RFC 1071 loop, two octets at a time: what the word-wide sum must equal. */
    private static int reference(byte[] b, int off, int len) {
        long sum = 0;
        int i = off;
        for (; i + 1 < off + len; i += 2) {
            sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if (i < off + len) {
            sum += (b[i] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    @Property(tries = 2000)
    void equalsTheTwoOctetReference(@ForAll @Size(max = 300) byte[] data, @ForAll @IntRange(max = 7) int skip) {
        int off = Math.min(skip, data.length);
        int len = data.length - off;
        assertEquals(reference(data, off, len), new InternetChecksum().add(data, off, len).value());
    }

    @Property(tries = 500)
    void evenRangesChainLikeOneRange(@ForAll @Size(min = 2, max = 200) byte[] data, @ForAll @IntRange(max = 100) int cut) {
        int split = Math.min(cut * 2, data.length - data.length % 2);
        int chained = new InternetChecksum().add(data, 0, split).add(data, split, data.length - split).value();
        assertEquals(reference(data, 0, data.length), chained);
    }

    @Test
    void rfc1071Example() {
        // RFC 1071 section 3: words 0001 f203 f4f5 f6f7 sum to ddf2, checksum 220d
        byte[] words = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};
        assertEquals(0x220d, new InternetChecksum().add(words, 0, words.length).value());
    }
}
