package io.pmip.lma.peer;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The LMA's heartbeat towards its MAGs, {@code pmip.lma.heartbeat} (RFC 5847 section 6).
 *
 * @param interval HEARTBEAT_INTERVAL (default 60 s)
 * @param missingHeartbeatsAllowed MISSING_HEARTBEATS_ALLOWED (default 3)
 * @param idleAfter how long after a MAG's last signaling it is still heartbeated: the longest lifetime
 *                  this LMA grants, after which none of that MAG's bindings can be left (RFC 5847 section 3:
 *                  heartbeats go only to peers with which there is at least one mobility session)
 */
public record HeartbeatSettings(boolean enabled, Duration interval, int missingHeartbeatsAllowed, Duration idleAfter) {
    public HeartbeatSettings {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("pmip.lma.heartbeat.interval must be positive: " + interval);
        }
        if (missingHeartbeatsAllowed < 1) {
            throw new IllegalArgumentException(
                    "pmip.lma.heartbeat.missing-heartbeats-allowed must be positive: " + missingHeartbeatsAllowed);
        }
        if (idleAfter.compareTo(interval) < 0) {
            idleAfter = interval;
        }
    }

    /** Reads {@code heartbeat} and {@code max-binding-lifetime} of {@code pmip.lma}. */
    public static HeartbeatSettings fromConfig(Config lma) {
        Config hb = lma.getConfig("heartbeat");
        return new HeartbeatSettings(hb.getBoolean("enabled"), hb.getDuration("interval"),
                hb.getInt("missing-heartbeats-allowed"), lma.getDuration("max-binding-lifetime"));
    }
}
