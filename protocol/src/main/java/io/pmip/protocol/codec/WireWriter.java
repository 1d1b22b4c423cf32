package io.pmip.protocol.codec;

import java.util.Arrays;

/** A growable big-endian byte sink for the encoder. */
final class WireWriter {
    // a typical PBU or PBA is 80-100 octets: start large enough that it never grows
    private byte[] buf = new byte[128];
    private int pos;

    int position() {
        return pos;
    }

    void u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    void u16(int v) {
        u8(v >>> 8);
        u8(v);
    }

    void u32(long v) {
        u16((int) (v >>> 16) & 0xffff);
        u16((int) v & 0xffff);
    }

    void u64(long v) {
        u32(v >>> 32);
        u32(v & 0xffffffffL);
    }

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    void zeros(int n) {
        ensure(n);
        pos += n;
    }

    void set(int at, int v) {
        buf[at] = (byte) v;
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, pos);
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}
