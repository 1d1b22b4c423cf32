package io.pmip.ops.wire;

import io.pmip.protocol.Ipv6Prefix;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP address literals to and from text, never through DNS (a typo must fail, not resolve). */
final class IpText {
    private IpText() {
    }

    static String format(InetAddress address) {
        return address instanceof Inet6Address ? Ipv6Prefix.formatAddress(address.getAddress()) : address.getHostAddress();
    }

    /** An IPv6 literal; {@code ::ffff:192.0.2.1} stays an IPv6 address. Zone ids are refused. */
    static Inet6Address ipv6(String text) {
        if (!text.contains(":") || !text.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("not an IPv6 address: \"" + text + "\"");
        }
        byte[] b = literal(text).getAddress();
        if (b.length == 4) { // the JDK turns IPv4-mapped literals into Inet4Address
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(b, 0, mapped, 12, 4);
            b = mapped;
        }
        try {
            return Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A dotted-quad IPv4 literal. */
    static Inet4Address ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        byte[] b = new byte[4];
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: \"" + text + "\"");
        }
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
                throw new IllegalArgumentException("not an IPv4 address: \"" + text + "\"");
            }
            b[i] = (byte) Integer.parseInt(parts[i]);
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text); // text has a colon, so the JDK parses it as a literal, never resolves it
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: \"" + text + "\"");
        }
    }
}
