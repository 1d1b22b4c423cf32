package io.pmip.protocol;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv6 prefix: 16 address bytes with the bits past {@code length} zero, and a length of 0..128.
 * Immutable; equal prefixes are equal objects. A home network prefix of all zeros with length 0
 * is how a MAG asks the LMA to assign one (RFC 5213 section 6.9.1.1).
 */
public final class Ipv6Prefix implements Comparable<Ipv6Prefix> {
    public static final Ipv6Prefix UNSPECIFIED = new Ipv6Prefix(new byte[16], 0);

    private final byte[] address;
    private final int length;

    private Ipv6Prefix(byte[] address, int length) {
        this.address = address;
        this.length = length;
    }

    /** Builds a prefix; host bits past {@code length} must be zero. */
    public static Ipv6Prefix of(byte[] address, int length) {
        if (address.length != 16) {
            throw new IllegalArgumentException("IPv6 prefix needs 16 address bytes, got " + address.length);
        }
        if (length < 0 || length > 128) {
            throw new IllegalArgumentException("IPv6 prefix length must be 0..128, got " + length);
        }
        byte[] copy = address.clone();
        int firstHostByte = length >>> 3;
        int partialMask = 0xff >>> (length & 7);
        boolean hostBitsSet = firstHostByte < 16 && (copy[firstHostByte] & partialMask) != 0;
        for (int i = firstHostByte + 1; i < 16 && !hostBitsSet; i++) {
            hostBitsSet = copy[i] != 0;
        }
        if (hostBitsSet) {
            throw new IllegalArgumentException("IPv6 prefix has bits set past /" + length);
        }
        return new Ipv6Prefix(copy, length);
    }

    /** Parses {@code 2001:db8:1::/48}. */
    public static Ipv6Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("IPv6 prefix needs /length: " + text);
        }
        String addr = text.substring(0, slash);
        if (!addr.contains(":")) {
            throw new IllegalArgumentException("not an IPv6 address: " + addr);
        }
        try {
            InetAddress a = InetAddress.getByName(addr);
            if (!(a instanceof Inet6Address)) {
                throw new IllegalArgumentException("not an IPv6 address: " + addr);
            }
            return of(a.getAddress(), Integer.parseInt(text.substring(slash + 1)));
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("bad IPv6 prefix: " + text, e);
        }
    }

    public byte[] address() {
        return address.clone();
    }

    public int length() {
        return length;
    }

    public boolean isUnspecified() {
        return length == 0 && Arrays.equals(address, UNSPECIFIED.address);
    }

    /** True when {@code other} lies inside this prefix. */
    public boolean contains(Ipv6Prefix other) {
        if (other.length < length) {
            return false;
        }
        for (int bit = 0; bit < length; bit++) {
            int mask = 0x80 >>> (bit & 7);
            if ((address[bit >>> 3] & mask) != (other.address[bit >>> 3] & mask)) {
                return false;
            }
        }
        return true;
    }

    public Inet6Address toInetAddress() {
        try {
            return (Inet6Address) InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv6Prefix p && p.length == length && Arrays.equals(p.address, address);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(address) + length;
    }

    @Override
    public int compareTo(Ipv6Prefix o) {
        int c = Arrays.compareUnsigned(address, o.address);
        return c != 0 ? c : Integer.compare(length, o.length);
    }

    @Override
    public String toString() {
        return formatAddress(address) + "/" + length;
    }

    /**
     * RFC 5952 canonical text of a 16-byte IPv6 address (longest zero run compressed, lower case).
     */
    public static String formatAddress(byte[] a) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1; // RFC 5952 section 4.2.2: a single zero group is not compressed
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
