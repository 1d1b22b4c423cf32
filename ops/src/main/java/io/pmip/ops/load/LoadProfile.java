package io.pmip.ops.load;

import io.pmip.protocol.transport.TransportKind;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How the load client drives an LMA: {@code mags} emulated MAGs with {@code mobileNodesPerMag}
 * mobile nodes each, PBUs started open-loop at {@code ratePerSecond} (0 = as fast as
 * {@code maxInFlight} allows), each retransmitted after {@code bindackTimeout} (doubling) until
 * {@code maxTransmissions} were sent.
 *
 * @param transport     UDP_IPV4 (RFC 5844; each MAG is its own loopback address 127.0.1.k) or
 *                      MH_IPV6 (raw Mobility Header; every MAG shares the Proxy-CoA {@code ::1})
 * @param lma           the LMA address (IPv4 for UDP, IPv6 for MH)
 * @param lmaPort       UDP port of the LMA (5436); ignored for MH
 * @param mobileNodeTag distinguishes the mobile node identifiers of several clients of one LMA
 */
public record LoadProfile(
        TransportKind transport,
        InetAddress lma,
        int lmaPort,
        int mags,
        int mobileNodesPerMag,
        double ratePerSecond,
        int maxInFlight,
        Duration bindackTimeout,
        int maxTransmissions,
        int lifetimeSeconds,
        String mobileNodeTag) {

    public static final int LMA_UDP_PORT = 5436;

    public LoadProfile {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(lma, "lma");
        Objects.requireNonNull(bindackTimeout, "bindackTimeout");
        Objects.requireNonNull(mobileNodeTag, "mobileNodeTag");
        if (transport == TransportKind.UDP_IPV4 && !(lma instanceof Inet4Address)
                || transport == TransportKind.MH_IPV6 && !(lma instanceof Inet6Address)) {
            throw new IllegalArgumentException(lma.getHostAddress() + " does not fit transport " + transport);
        }
        if (mags < 1 || mags > 254) {
            throw new IllegalArgumentException("mags must be 1..254 (one loopback address each): " + mags);
        }
        if (mobileNodesPerMag < 1) {
            throw new IllegalArgumentException("mobileNodesPerMag must be positive: " + mobileNodesPerMag);
        }
        if (ratePerSecond < 0 || maxInFlight < 1 || maxTransmissions < 1) {
            throw new IllegalArgumentException("rate >= 0, maxInFlight >= 1, maxTransmissions >= 1 required");
        }
        if (lifetimeSeconds < 4 || lifetimeSeconds > 0xffff * 4) {
            throw new IllegalArgumentException("lifetimeSeconds must fit the 16-bit 4-second field: " + lifetimeSeconds);
        }
        if (!mobileNodeTag.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("mobileNodeTag must be [a-z0-9-]+: " + mobileNodeTag);
        }
    }

    /** Over UDP to {@code lma}:{@code port}: 1.5 s first timeout (RFC 6275 section 13), 4 transmissions. */
    public static LoadProfile udp(InetAddress lma, int port, int mags, int mobileNodesPerMag, double rate) {
        return new LoadProfile(TransportKind.UDP_IPV4, lma, port, mags, mobileNodesPerMag, rate, 10_000,
                Duration.ofMillis(1500), 4, 3600, "sim");
    }

    /** Raw Mobility Header to {@code lma}; the MAGs share the Proxy-CoA ::1. */
    public static LoadProfile mh(InetAddress lma, int mags, int mobileNodesPerMag, double rate) {
        return new LoadProfile(TransportKind.MH_IPV6, lma, 0, mags, mobileNodesPerMag, rate, 10_000,
                Duration.ofMillis(1500), 4, 3600, "sim");
    }

    public int mobileNodes() {
        return mags * mobileNodesPerMag;
    }

    public LoadProfile withTag(String tag) {
        return new LoadProfile(transport, lma, lmaPort, mags, mobileNodesPerMag, ratePerSecond, maxInFlight,
                bindackTimeout, maxTransmissions, lifetimeSeconds, tag);
    }

    public LoadProfile withRate(double rate) {
        return new LoadProfile(transport, lma, lmaPort, mags, mobileNodesPerMag, rate, maxInFlight,
                bindackTimeout, maxTransmissions, lifetimeSeconds, mobileNodeTag);
    }

    public LoadProfile withMaxInFlight(int inFlight) {
        return new LoadProfile(transport, lma, lmaPort, mags, mobileNodesPerMag, ratePerSecond, inFlight,
                bindackTimeout, maxTransmissions, lifetimeSeconds, mobileNodeTag);
    }

    public LoadProfile withRetransmission(Duration timeout, int transmissions) {
        return new LoadProfile(transport, lma, lmaPort, mags, mobileNodesPerMag, ratePerSecond, maxInFlight,
                timeout, transmissions, lifetimeSeconds, mobileNodeTag);
    }

    /** The identifier (NAI, RFC 4282) of mobile node {@code index}. */
    public String mobileNodeIdentifier(int index) {
        return mobileNodeTag + "-" + index + "@load.pmip.example";
    }
}
