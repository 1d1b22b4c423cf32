package io.pmip.lma;

import io.pmip.protocol.Ipv6Prefix;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Canonical text of IP address literals (MAG Proxy-CoA, LMA address), so that "2001:DB8:0::1" and
 * "2001:db8::1" name the same MAG. Never resolves names: only literals are accepted.
 */
public final class Addresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Addresses() {
    }

    /** The RFC 5952 form of an IPv6 literal or the dotted quad of an IPv4 literal. */
    public static String canonical(String literal) {
        return canonical(parse(literal));
    }

    public static String canonical(InetAddress address) {
        byte[] raw = address.getAddress();
        return raw.length == 16 ? Ipv6Prefix.formatAddress(raw) : address.getHostAddress();
    }

    /** Parses an address literal; a host name is an error, not a DNS query. */
    public static InetAddress parse(String literal) {
        String text = literal.strip();
        if (!text.contains(":") && !IPV4.matcher(text).matches()) {
            throw new IllegalArgumentException("not an IP address literal: " + literal);
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + literal, e);
        }
    }
}
