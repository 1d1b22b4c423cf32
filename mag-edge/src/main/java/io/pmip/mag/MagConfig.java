package io.pmip.mag;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * One MAG: who it is (its Proxy-CoA), which LMA it registers with, and its protocol timers.
 *
 * @param proxyCareOfAddress the address its PBUs come from (RFC 5213 section 2.2 Proxy-CoA); for
 *        the IPv4/UDP transport it must be the node's bound address
 * @param lmaAddress the LMA address (anycast LMAA or one node's unicast address)
 * @param lmaPort UDP port of the LMA (5436, RFC 5844); ignored by the IPv6 transport
 * @param requestedLifetime lifetime asked for in each registration PBU (sent in 4 s units)
 * @param initialBindackTimeoutFirstReg first retransmission timeout of an initial registration
 *        (RFC 6275 section 13, default 1.5 s; used by RFC 5213 section 6.9.4)
 * @param initialBindackTimeoutReReg first retransmission timeout of a re-registration or
 *        de-registration (RFC 6275 section 12 INITIAL_BINDACK_TIMEOUT, 1 s)
 * @param maxBindackTimeout the back-off stops, and the MAG gives up, when the timeout reaches
 *        this (RFC 6275 section 12 MAX_BINDACK_TIMEOUT, 32 s)
 * @param refreshFraction refresh when this fraction of the granted lifetime has passed (0..1)
 * @param bulk bulk binding update groups (RFC 6602)
 * @param heartbeat path monitoring of the LMA (RFC 5847)
 * @param reRegistrationsPerSecond pace of re-establishing bindings after the LMA came back
 * @param restartCounter this MAG's Restart Counter (RFC 5847 section 5.2), sent in responses
 * @param redirectCapable send Redirect-Capability in initial PBUs to {@code lmaAddress} and follow a
 *        Redirect to the LMA it names (RFC 6463 section 4.1)
 */
public record MagConfig(
        InetAddress proxyCareOfAddress,
        InetAddress lmaAddress,
        int lmaPort,
        Duration requestedLifetime,
        Duration initialBindackTimeoutFirstReg,
        Duration initialBindackTimeoutReReg,
        Duration maxBindackTimeout,
        double refreshFraction,
        BulkRefreshConfig bulk,
        HeartbeatConfig heartbeat,
        double reRegistrationsPerSecond,
        long restartCounter,
        boolean redirectCapable) {

    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(3600);
    /** RFC 6275 section 13: InitialBindackTimeoutFirstReg default. */
    public static final Duration DEFAULT_INITIAL_BINDACK_TIMEOUT_FIRST_REG = Duration.ofMillis(1500);
    /** RFC 6275 section 12: INITIAL_BINDACK_TIMEOUT. */
    public static final Duration DEFAULT_INITIAL_BINDACK_TIMEOUT_RE_REG = Duration.ofSeconds(1);
    /** RFC 6275 section 12: MAX_BINDACK_TIMEOUT. */
    public static final Duration DEFAULT_MAX_BINDACK_TIMEOUT = Duration.ofSeconds(32);
    /** The Lifetime field is 16 bits of 4-second units (RFC 6275 section 6.1.7). */
    public static final long MAX_LIFETIME_SECONDS = 0xffffL * 4;

    public MagConfig {
        Objects.requireNonNull(proxyCareOfAddress, "proxyCareOfAddress");
        Objects.requireNonNull(lmaAddress, "lmaAddress");
        Objects.requireNonNull(bulk, "bulk");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (proxyCareOfAddress.getClass() != lmaAddress.getClass()) {
            throw new IllegalArgumentException("Proxy-CoA and LMA address must be of one family: "
                    + proxyCareOfAddress + " / " + lmaAddress);
        }
        if (lmaPort < 0 || lmaPort > 0xffff) {
            throw new IllegalArgumentException("lmaPort out of range: " + lmaPort);
        }
        positive("initialBindackTimeoutFirstReg", initialBindackTimeoutFirstReg);
        positive("initialBindackTimeoutReReg", initialBindackTimeoutReReg);
        positive("maxBindackTimeout", maxBindackTimeout);
        positive("requestedLifetime", requestedLifetime);
        if (requestedLifetime.toSeconds() > MAX_LIFETIME_SECONDS) {
            throw new IllegalArgumentException("requestedLifetime above " + MAX_LIFETIME_SECONDS + " s");
        }
        if (!(refreshFraction > 0 && refreshFraction < 1)) {
            throw new IllegalArgumentException("refreshFraction must be in (0, 1): " + refreshFraction);
        }
        if (!(reRegistrationsPerSecond > 0)) {
            throw new IllegalArgumentException("reRegistrationsPerSecond must be positive: " + reRegistrationsPerSecond);
        }
        if (restartCounter < 0 || restartCounter > 0xffffffffL) {
            throw new IllegalArgumentException("restartCounter must fit 32 bits: " + restartCounter);
        }
    }

    /** RFC defaults, bulk refresh and heartbeats off. */
    public static MagConfig defaults(InetAddress proxyCareOfAddress, InetAddress lmaAddress, int lmaPort) {
        return new MagConfig(proxyCareOfAddress, lmaAddress, lmaPort, DEFAULT_LIFETIME,
                DEFAULT_INITIAL_BINDACK_TIMEOUT_FIRST_REG, DEFAULT_INITIAL_BINDACK_TIMEOUT_RE_REG,
                DEFAULT_MAX_BINDACK_TIMEOUT, 0.8, BulkRefreshConfig.DISABLED, HeartbeatConfig.DISABLED, 100, 1, false);
    }

    /** Lifetime field value: seconds rounded up to 4-second units (RFC 6275 section 6.1.7). */
    public int requestedLifetimeUnits() {
        return (int) Math.max(1, (requestedLifetime.toSeconds() + 3) / 4);
    }

    public MagConfig withRequestedLifetime(Duration lifetime) {
        return new MagConfig(proxyCareOfAddress, lmaAddress, lmaPort, lifetime, initialBindackTimeoutFirstReg,
                initialBindackTimeoutReReg, maxBindackTimeout, refreshFraction, bulk, heartbeat,
                reRegistrationsPerSecond, restartCounter, redirectCapable);
    }

    public MagConfig withBindackTimeouts(Duration firstReg, Duration reReg, Duration max) {
        return new MagConfig(proxyCareOfAddress, lmaAddress, lmaPort, requestedLifetime, firstReg, reReg, max,
                refreshFraction, bulk, heartbeat, reRegistrationsPerSecond, restartCounter, redirectCapable);
    }

    public MagConfig withRefreshFraction(double fraction) {
        return new MagConfig(proxyCareOfAddress, lmaAddress, lmaPort, requestedLifetime,
                initialBindackTimeoutFirstReg, initialBindackTimeoutReReg, maxBindackTimeout, fraction, bulk,
                heartbeat, reRegistrationsPerSecond, restartCounter, redirectCapable);
    }

    public MagConfig withBulk(BulkRefreshConfig newBulk) {
        return new MagConfig(proxyCareOfAddress, lmaAddress, lmaPort, requestedLifetime,
                initialBindackTimeoutFirstReg, initialBindackTimeoutReReg, maxBindackTimeout, refreshFraction,
                newBulk, heartbeat, reRegistrationsPerSecond, restartCounter, redirectCapable);
    }

    public MagConfig withHeartbeat(HeartbeatConfig newHeartbeat) {
        return new MagConfig(proxyCareOfAddress, lmaAddress, lmaPort, requestedLifetime,
                initialBindackTimeoutFirstReg, initialBindackTimeoutReReg, maxBindackTimeout, refreshFraction, bulk,
                newHeartbeat, reRegistrationsPerSecond, restartCounter, redirectCapable);
    }

    public MagConfig withReRegistrationsPerSecond(double rate) {
        return new MagConfig(proxyCareOfAddress, lmaAddress, lmaPort, requestedLifetime,
                initialBindackTimeoutFirstReg, initialBindackTimeoutReReg, maxBindackTimeout, refreshFraction, bulk,
                heartbeat, rate, restartCounter, redirectCapable);
    }

    public MagConfig withRestartCounter(long counter) {
        return new MagConfig(proxyCareOfAddress, lmaAddress, lmaPort, requestedLifetime,
                initialBindackTimeoutFirstReg, initialBindackTimeoutReReg, maxBindackTimeout, refreshFraction, bulk,
                heartbeat, reRegistrationsPerSecond, counter, redirectCapable);
    }

    public MagConfig withRedirectCapability(boolean capable) {
        return new MagConfig(proxyCareOfAddress, lmaAddress, lmaPort, requestedLifetime,
                initialBindackTimeoutFirstReg, initialBindackTimeoutReReg, maxBindackTimeout, refreshFraction, bulk,
                heartbeat, reRegistrationsPerSecond, restartCounter, capable);
    }

    static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
