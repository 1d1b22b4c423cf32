package io.pmip.ops.cluster;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line {@code pmip lma} prints once it serves:
 * {@code lma up: cluster=HOST:PORT udp=ADDR:PORT|off mh=ADDR|off}.
 *
 * @param udp null when UDP is off
 * @param mh  null when the raw Mobility Header transport is off
 */
public record UpLine(String cluster, InetSocketAddress udp, InetAddress mh) {
    public static final String PREFIX = "lma up: ";
    private static final Pattern FORMAT = Pattern.compile("lma up: cluster=(\\S+) udp=(\\S+) mh=(\\S+)");

    /** Empty when {@code line} is not an up line. */
    public static Optional<UpLine> parse(String line) {
        Matcher m = FORMAT.matcher(line.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            InetSocketAddress udp = null;
            if (!m.group(2).equals("off")) {
                int colon = m.group(2).lastIndexOf(':');
                udp = new InetSocketAddress(InetAddress.getByName(m.group(2).substring(0, colon)),
                        Integer.parseInt(m.group(2).substring(colon + 1)));
            }
            InetAddress mh = m.group(3).equals("off") ? null : InetAddress.getByName(m.group(3));
            return Optional.of(new UpLine(m.group(1), udp, mh));
        } catch (UnknownHostException | NumberFormatException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
