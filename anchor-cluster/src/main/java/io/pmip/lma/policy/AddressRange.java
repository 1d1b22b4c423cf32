package io.pmip.lma.policy;

import io.pmip.lma.Addresses;

/**
 * An IPv4 or IPv6 address block ("2001:db8:1::/48", "192.0.2.0/24", a bare address, or "*" for every
 * address), used to list the MAGs allowed to send Proxy Binding Updates.
 */
public record AddressRange(byte[] network, int length, boolean any) {

    public static final AddressRange ANY = new AddressRange(new byte[0], 0, true);

    public static AddressRange parse(String text) {
        String t = text.strip();
        if (t.equals("*")) {
            return ANY;
        }
        int slash = t.indexOf('/');
        byte[] raw = Addresses.parse(slash < 0 ? t : t.substring(0, slash)).getAddress();
        int length = slash < 0 ? raw.length * 8 : Integer.parseInt(t.substring(slash + 1));
        if (length < 0 || length > raw.length * 8) {
            throw new IllegalArgumentException("bad prefix length in " + text);
        }
        return new AddressRange(raw, length, false);
    }

    /** True when {@code address} (an IP literal) lies in this block. */
    public boolean contains(String address) {
        if (any) {
            return true;
        }
        byte[] a = Addresses.parse(address).getAddress();
        if (a.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < length; bit++) {
            int mask = 0x80 >>> (bit & 7);
            if ((a[bit >>> 3] & mask) != (network[bit >>> 3] & mask)) {
                return false;
            }
        }
        return true;
    }
}
