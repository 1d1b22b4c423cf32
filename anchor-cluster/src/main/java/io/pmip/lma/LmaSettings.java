package io.pmip.lma;

import com.typesafe.config.Config;
import java.time.Duration;
import org.apache.pekko.actor.typed.BackoffSupervisorStrategy;
import org.apache.pekko.actor.typed.SupervisorStrategy;

/**
 * The LMA's protocol constants (RFC 5213 section 9.1/9.3) and entity tuning, from {@code pmip.lma}.
 *
 * @param minDelayBeforeBceDelete    MinDelayBeforeBCEDelete, default 10 s (section 9.1)
 * @param maxDelayBeforeNewBceAssign MaxDelayBeforeNewBCEAssign, default 1.5 s (section 9.1)
 * @param timestampValidityWindow    TimestampValidityWindow, default 300 ms (section 9.3)
 * @param maxLifetimeSeconds         the longest lifetime granted, whatever the MAG asks
 * @param snapshotEvery              snapshot after this many events
 * @param prefixPoolTimeout          how long a registration waits for the prefix pool
 * @param onPersistFailure           how an entity whose journal write failed is restarted: after a
 *                                   random back-off that grows from persist-failure-backoff.min to .max;
 *                                   one instance shared by every entity (there is one per binding)
 */
public record LmaSettings(
        Duration minDelayBeforeBceDelete,
        Duration maxDelayBeforeNewBceAssign,
        Duration timestampValidityWindow,
        int maxLifetimeSeconds,
        int snapshotEvery,
        Duration prefixPoolTimeout,
        BackoffSupervisorStrategy onPersistFailure) {

    public static LmaSettings fromConfig(Config lma) {
        return new LmaSettings(
                lma.getDuration("min-delay-before-bce-delete"),
                lma.getDuration("max-delay-before-new-bce-assign"),
                lma.getDuration("timestamp-validity-window"),
                (int) lma.getDuration("max-binding-lifetime").toSeconds(),
                lma.getInt("snapshot-every"),
                lma.getDuration("prefix-pool-timeout"),
                SupervisorStrategy.restartWithBackoff(lma.getDuration("persist-failure-backoff.min"),
                        lma.getDuration("persist-failure-backoff.max"), 0.2));
    }

    /** RFC 5213 section 5.3.2: the LMA may grant less than asked, never more than its maximum. */
    public int grant(int requestedSeconds) {
        return Math.min(requestedSeconds, maxLifetimeSeconds);
    }
}
