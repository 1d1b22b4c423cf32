package io.pmip.ops.sim;

import io.pmip.protocol.transport.TransportKind;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What {@code pmip sim} does: {@code mags} MAGs with {@code mobileNodesPerMag} mobile nodes each,
 * driven open-loop at {@code rate} operations per second (one sim-initiated PBU each) for
 * {@code duration} or {@code count} operations. Of those, {@code handoffRate} per second move an
 * attached node to another MAG and {@code detachRate} per second detach one; every other
 * operation attaches a detached node or refreshes an attached one.
 *
 * @param lma           the LMA address: IPv4 for UDP (RFC 5844), IPv6 for raw Mobility Header
 * @param lmaPort       UDP port of the LMA; 0 for MH
 * @param local         first local address: MAG k binds the k-th IPv4 address from it (UDP), or
 *                      every MAG shares it as Proxy-CoA (MH)
 * @param lifetime      lifetime the MAGs ask for; they refresh by themselves at 80 % of it
 * @param bulk          bulk binding update groups of {@code groupSize} (RFC 6602)
 * @param drain         how long to wait after the last operation for outstanding PBAs
 * @param tag           mobile node identifiers are {@code TAG-MAG-I@sim.pmip.example}
 */
public record SimScenario(
        TransportKind transport,
        InetAddress lma,
        int lmaPort,
        InetAddress local,
        int mags,
        int mobileNodesPerMag,
        double rate,
        double handoffRate,
        double detachRate,
        Duration duration,
        OptionalLong count,
        Duration lifetime,
        boolean bulk,
        int groupSize,
        Duration drain,
        String tag) {

    public SimScenario {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(lma, "lma");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(drain, "drain");
        Objects.requireNonNull(tag, "tag");
        boolean v6 = transport == TransportKind.MH_IPV6;
        if (v6 != (lma instanceof Inet6Address) || v6 != (local instanceof Inet6Address)) {
            throw new IllegalArgumentException("--lmaa " + lma.getHostAddress() + " and local address "
                    + local.getHostAddress() + " must be " + (v6 ? "IPv6 for --transport mh" : "IPv4 for --transport udp"));
        }
        if (!v6 && (lmaPort < 1 || lmaPort > 0xffff)) {
            throw new IllegalArgumentException("LMA UDP port must be 1..65535: " + lmaPort);
        }
        if (mags < 1 || mags > 250 || (!v6 && (local.getAddress()[3] & 0xff) + mags > 255)) {
            throw new IllegalArgumentException("--mags must be 1..250 and fit the local /24 (one address each): " + mags);
        }
        if (mags < 2 && handoffRate > 0) {
            throw new IllegalArgumentException("a handoff needs at least 2 MAGs");
        }
        if (mobileNodesPerMag < 1) {
            throw new IllegalArgumentException("--mns must be positive: " + mobileNodesPerMag);
        }
        if (!(rate > 0) || handoffRate < 0 || detachRate < 0 || handoffRate + detachRate > rate) {
            throw new IllegalArgumentException("need --rate > 0 and 0 <= --handoff-rate + --detach-rate <= --rate: "
                    + rate + ", " + handoffRate + ", " + detachRate);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive: " + duration);
        }
        if (count.isPresent() && count.getAsLong() < 1) {
            throw new IllegalArgumentException("--count must be positive: " + count.getAsLong());
        }
        // RFC 6275 section 6.1.7: 16 bits of 4-second units.
        if (lifetime.toSeconds() < 4 || lifetime.toSeconds() > 0xffffL * 4) {
            throw new IllegalArgumentException("--lifetime must be 4..262140 s: " + lifetime.toSeconds());
        }
        if (groupSize < 1) {
            throw new IllegalArgumentException("--group-size must be positive: " + groupSize);
        }
        if (drain.isNegative()) {
            throw new IllegalArgumentException("--drain must not be negative");
        }
        if (!tag.matches("[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("--tag must be [a-z0-9-]{1,32}: " + tag);
        }
    }

    public boolean ipv4() {
        return transport == TransportKind.UDP_IPV4;
    }

    public int mobileNodes() {
        return mags * mobileNodesPerMag;
    }

    /** Operations the pacer starts: {@code count}, or {@code rate} times {@code duration}. */
    public long operations() {
        return count.orElse((long) Math.ceil(rate * duration.toNanos() / 1e9));
    }

    /** The Proxy-CoA of MAG {@code mag} (0-based). */
    public InetAddress proxyCareOfAddress(int mag) {
        if (!ipv4()) {
            return local;
        }
        byte[] a = local.getAddress();
        a[3] = (byte) ((a[3] & 0xff) + mag);
        try {
            return Inet4Address.getByAddress(a);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The NAI (RFC 4282) of mobile node {@code index} of MAG {@code mag}'s initial population. */
    public String mobileNodeIdentifier(int mag, int index) {
        return tag + "-" + mag + "-" + index + "@sim.pmip.example";
    }
}
