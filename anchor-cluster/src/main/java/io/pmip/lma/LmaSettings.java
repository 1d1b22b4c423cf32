package io.pmip.lma;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The LMA's protocol constants (RFC 5213 section 9.1/9.3) and entity tuning, from {@code pmip.lma}.
 *
 * @param minDelayBeforeBceDelete  MinDelayBeforeBCEDelete, default 10 s (section 9.1)
 * @param timestampValidityWindow  TimestampValidityWindow, default 300 ms (section 9.3)
 * @param maxLifetimeSeconds       the longest lifetime granted, whatever the MAG asks
 * @param snapshotEvery            snapshot after this many events
 * @param prefixPoolTimeout        how long a registration waits for the prefix pool
 */
public record LmaSettings(
        Duration minDelayBeforeBceDelete,
        Duration timestampValidityWindow,
        int maxLifetimeSeconds,
        int snapshotEvery,
        Duration prefixPoolTimeout) {

    public static LmaSettings fromConfig(Config lma) {
        return new LmaSettings(
                lma.getDuration("min-delay-before-bce-delete"),
                lma.getDuration("timestamp-validity-window"),
                (int) lma.getDuration("max-binding-lifetime").toSeconds(),
                lma.getInt("snapshot-every"),
                lma.getDuration("prefix-pool-timeout"));
    }

    /** RFC 5213 section 5.3.2: the LMA may grant less than asked, never more than its maximum. */
    public int grant(int requestedSeconds) {
        return Math.min(requestedSeconds, maxLifetimeSeconds);
    }
}
