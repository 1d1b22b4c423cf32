package io.pmip.protocol.mh;

import java.net.Inet4Address;
import java.net.Inet6Address;

/** Range checks shared by the record constructors of the wire model. */
public final class WireValues {
    private WireValues() {
    }

    public static int uint8(String field, int value) {
        return range(field, value, 0, 0xff);
    }

    public static int uint16(String field, int value) {
        return range(field, value, 0, 0xffff);
    }

    public static long uint32(String field, long value) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException(field + " must be 0..4294967295, got " + value);
        }
        return value;
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new NullPointerException(field + " is required");
        }
        return value;
    }

    /** An IPv6 address from 16 bytes; never an Inet4Address, even for ::ffff:a.b.c.d. */
    public static Inet6Address ipv6(byte[] b, int off) {
        byte[] a = new byte[16];
        System.arraycopy(b, off, a, 0, 16);
        try {
            return Inet6Address.getByAddress(null, a, -1);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    public static Inet4Address ipv4(byte[] b, int off) {
        byte[] a = new byte[4];
        System.arraycopy(b, off, a, 0, 4);
        try {
            return (Inet4Address) Inet4Address.getByAddress(a);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
