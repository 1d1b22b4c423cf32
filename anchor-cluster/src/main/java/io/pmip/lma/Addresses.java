package io.pmip.lma;

import io.pmip.protocol.Ipv6Prefix;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Canonical text of IP address literals (MAG Proxy-CoA, LMA address), so that "2001:DB8:0::1" and
 * "2001:db8::1" name the same MAG. Never resolves names: only literals are accepted.
 */
public final class Addresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /**
     * Literals already parsed, and their canonical text: every PBU names the same few MAG and LMA
     * addresses, each parsed several times on its way (policy, request, contacts). Filled up to
     * {@link #MEMO_LIMIT} and no further, so a flood of other literals costs a parse each and no memory.
     */
    private static final int MEMO_LIMIT = 4096;
    private static final ConcurrentHashMap<String, InetAddress> PARSED = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, String> CANONICAL = new ConcurrentHashMap<>();

    private Addresses() {
    }

    /** The RFC 5952 form of an IPv6 literal or the dotted quad of an IPv4 literal. */
    public static String canonical(String literal) {
        String known = CANONICAL.get(literal);
        if (known != null) {
            return known;
        }
        String text = canonical(parse(literal));
        if (CANONICAL.size() < MEMO_LIMIT) {
            CANONICAL.put(literal, text);
        }
        return text;
    }

    public static String canonical(InetAddress address) {
        byte[] raw = address.getAddress();
        return raw.length == 16 ? Ipv6Prefix.formatAddress(raw) : address.getHostAddress();
    }

    /** Parses an address literal; a host name is an error, not a DNS query. */
    public static InetAddress parse(String literal) {
        InetAddress known = PARSED.get(literal);
        if (known != null) {
            return known;
        }
        InetAddress address = parseLiteral(literal);
        if (PARSED.size() < MEMO_LIMIT) {
            PARSED.put(literal, address);
        }
        return address;
    }

    private static InetAddress parseLiteral(String literal) {
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
