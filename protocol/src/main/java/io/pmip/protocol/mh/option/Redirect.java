package io.pmip.protocol.mh.option;

import java.net.Inet4Address;
import java.net.Inet6Address;

/** Redirect option (RFC 6463 section 6.2): K (IPv6 r2LMA present), N (IPv4 r2LMA present), 14 reserved bits, then the IPv6 and/or IPv4 address of the LMA to redirect to; alignment 4n. A null address means its flag is clear. */
public record Redirect(Inet6Address ipv6Address, Inet4Address ipv4Address) implements MobilityOption {
    public static final int TYPE = 47;

    public static final int FLAG_K = 0x8000;
    public static final int FLAG_N = 0x4000;

    /** K flag: an IPv6 r2LMA address is present. */
    public boolean k() {
        return ipv6Address != null;
    }

    /** N flag: an IPv4 r2LMA address is present. */
    public boolean n() {
        return ipv4Address != null;
    }

    @Override
    public int type() {
        return TYPE;
    }
}
