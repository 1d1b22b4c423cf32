package io.pmip.protocol;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable run of bytes: the value type the wire model uses wherever a field is opaque
 * octets (identifiers, raw bodies), so records stay immutable and compare by content.
 * {@link #toString()} is lower-case hex.
 */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** A copy of {@code data}. */
    public static Bytes of(byte... data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /** A copy of {@code data[off..off+len)}. */
    public static Bytes of(byte[] data, int off, int len) {
        return len == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, off, off + len));
    }

    /** Parses hex digits (no separators), e.g. {@code "0a1b"}. */
    public static Bytes fromHex(String hex) {
        return of(HEX.parseHex(hex));
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    /** The byte at {@code index} as an unsigned value 0..255. */
    public int get(int index) {
        return data[index] & 0xff;
    }

    public byte[] toArray() {
        return data.clone();
    }

    /** Copies all bytes into {@code dst} at {@code dstOff}. */
    public void copyTo(byte[] dst, int dstOff) {
        System.arraycopy(data, 0, dst, dstOff, data.length);
    }

    public String toHex() {
        return HEX.formatHex(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(b.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
