package io.pmip.protocol.codec;

import io.pmip.protocol.Bytes;
import io.pmip.protocol.mh.WireValues;
import java.net.Inet4Address;
import java.net.Inet6Address;

/**
 * Big-endian reads at offsets relative to the start of the Mobility Header. Callers check bounds
 * against the Mobility Header length before reading; this class only translates offsets.
 */
final class WireReader {
    private final byte[] buf;
    private final int base;

    WireReader(byte[] buf, int base) {
        this.buf = buf;
        this.base = base;
    }

    int u8(int at) {
        return buf[base + at] & 0xff;
    }

    int u16(int at) {
        return (u8(at) << 8) | u8(at + 1);
    }

    long u32(int at) {
        return ((long) u16(at) << 16) | u16(at + 2);
    }

    long u64(int at) {
        return (u32(at) << 32) | u32(at + 4);
    }

    Bytes bytes(int at, int len) {
        return Bytes.of(buf, base + at, len);
    }

    Inet6Address ipv6(int at) {
        return WireValues.ipv6(buf, base + at);
    }

    Inet4Address ipv4(int at) {
        return WireValues.ipv4(buf, base + at);
    }
}
