package io.pmip.mag;

import java.time.Duration;

/**
 * Heartbeat towards the LMA (RFC 5847 section 3.1).
 *
 * @param interval HEARTBEAT_INTERVAL (RFC 5847 section 6, default 60 s)
 * @param missingHeartbeatsAllowed MISSING_HEARTBEATS_ALLOWED (RFC 5847 section 6, default 3)
 */
public record HeartbeatConfig(boolean enabled, Duration interval, int missingHeartbeatsAllowed) {
    public static final HeartbeatConfig DISABLED = new HeartbeatConfig(false, Duration.ofSeconds(60), 3);

    public HeartbeatConfig {
        MagConfig.positive("interval", interval);
        if (missingHeartbeatsAllowed < 1) {
            throw new IllegalArgumentException("missingHeartbeatsAllowed must be positive: " + missingHeartbeatsAllowed);
        }
    }

    public static HeartbeatConfig every(Duration interval, int missingHeartbeatsAllowed) {
        return new HeartbeatConfig(true, interval, missingHeartbeatsAllowed);
    }
}
