package io.pmip.mag;

import io.pmip.protocol.Ipv6Prefix;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Facts a MAG reports to its {@link MagEventListener}, for the load generator's report and for
 * tests. {@code at} is wall-clock time from the MAG's clock; latencies are measured on the
 * monotonic clock from the first transmission of the PBU to the arrival of its PBA.
 */
public sealed interface MagEvent {
    Instant at();

    /** A PBU left (first transmission or retransmission; see {@code retransmission}). */
    record PbuSent(String mobileNodeIdentifier, PbuKind kind, int sequence, boolean retransmission, Instant at)
            implements MagEvent {
    }

    /** A bulk PBU left for a group (RFC 6602). */
    record BulkPbuSent(long groupIdentifier, PbuKind kind, int sequence, int members, boolean retransmission,
            Instant at) implements MagEvent {
    }

    /** A PBA matched an outstanding PBU of this mobile node. */
    record PbaReceived(String mobileNodeIdentifier, PbuKind kind, int statusCode, Duration latency, Instant at)
            implements MagEvent {
    }

    /** The LMA accepted the binding (initial, handoff, refresh or re-establishment). */
    record Registered(String mobileNodeIdentifier, PbuKind kind, List<Ipv6Prefix> homeNetworkPrefixes,
            Duration lifetime, Instant at) implements MagEvent {
        public Registered {
            homeNetworkPrefixes = List.copyOf(homeNetworkPrefixes);
        }
    }

    /** A handoff registration (HI 3) was accepted; latency from the Attach to the PBA. */
    record HandoffCompleted(String mobileNodeIdentifier, Duration latency, Instant at) implements MagEvent {
    }

    /** The LMA rejected the PBU; the entry was removed. */
    record Rejected(String mobileNodeIdentifier, PbuKind kind, int statusCode, Instant at) implements MagEvent {
    }

    /**
     * No PBA came before the back-off reached MaxBindackTimeout (RFC 5213 6.9.4). The entry is
     * removed, except a registered one while heartbeats say the LMA is DOWN: that one is kept and
     * registered again when the LMA answers.
     */
    record TimedOut(String mobileNodeIdentifier, PbuKind kind, int transmissions, Instant at) implements MagEvent {
    }

    /** The retransmission timer fired and the PBU was sent again (RFC 5213 section 6.9.4). */
    record Retransmitted(String mobileNodeIdentifier, PbuKind kind, int retransmission, Duration nextTimeout,
            Instant at) implements MagEvent {
    }

    /** The LMA answered TIMESTAMP_MISMATCH (156); the MAG retries once with a corrected timestamp. */
    record TimestampResynchronized(String mobileNodeIdentifier, Duration offset, Instant at) implements MagEvent {
    }

    /** The entry is gone after a de-registration (its PBA, or the back-off giving up). */
    record Deregistered(String mobileNodeIdentifier, int statusCode, Instant at) implements MagEvent {
    }

    /** A Binding Revocation Indication removed the entry (RFC 5846). */
    record Revoked(String mobileNodeIdentifier, int revocationTriggerCode, Instant at) implements MagEvent {
    }

    /** A bulk refresh was accepted; {@code members} entries got the new lifetime. */
    record BulkRefreshed(long groupIdentifier, int members, Duration lifetime, Duration latency, Instant at)
            implements MagEvent {
    }

    /** A bulk PBU failed (rejected, e.g. 175, or timed out, status -1); the group's members fall
     * back to per-mobile-node refreshes (RFC 6602 section 4.2). */
    record BulkFallback(long groupIdentifier, int statusCode, Instant at) implements MagEvent {
    }

    /** The heartbeat path state changed (RFC 5847 section 3.1). */
    record PathStateChanged(PathState from, PathState to, Instant at) implements MagEvent {
    }

    /** The LMA's Restart Counter changed: it restarted and lost its bindings (RFC 5847 section 3, restart detection). */
    record LmaRestarted(long previousRestartCounter, long restartCounter, Instant at) implements MagEvent {
    }

    /** A PBA's Redirect option named the LMA this MAG signals to from now on (RFC 6463 section 4.1). */
    record Redirected(String mobileNodeIdentifier, InetAddress from, InetAddress to, Instant at) implements MagEvent {
    }

    /**
     * The assigned LMA stopped answering (retransmissions exhausted, heartbeat down) or revoked every
     * binding: the MAG signals to the configured (anycast) address again.
     */
    record FellBack(InetAddress from, InetAddress to, String reason, Instant at) implements MagEvent {
    }
}
