package io.pmip.lma.signaling;

import com.typesafe.config.Config;
import io.pmip.protocol.codec.DecodeMode;
import java.time.Duration;
import java.util.Locale;

/**
 * Tuning of the signaling ingress, from {@code pmip.lma.node}.
 *
 * @param maxInFlight             PBUs handed to binding entities and not yet answered; beyond it a PBU
 *                                is dropped and counted (the MAG retransmits)
 * @param maxNewRegistrationsInFlight of those, new registrations (the expensive path); beyond it a new
 *                                registration is refused with 130 and counted (see {@link Admission})
 * @param entityTimeout           how long a PBU waits for its binding entity before it is given up
 *                                without an answer
 * @param decodeMode              LENIENT in production: what RFC 6275 lets a receiver ignore is a warning
 * @param requireTimestamp        RFC 5213 section 5.5 timestamp-based ordering only: a PBU without a
 *                                Timestamp option is rejected (156); off accepts sequence-number ordering
 * @param bindingErrorsPerSecond  RFC 6275 section 9.2: Binding Error messages are rate limited
 * @param sendQueueCapacity       datagrams each transport may have waiting to be sent
 * @param receiveBufferBytes      SO_RCVBUF of each signaling socket, 0 for the kernel's default: a burst
 *                                beyond it while the receive thread is busy is dropped unseen
 */
public record SignalingSettings(
        int maxInFlight,
        int maxNewRegistrationsInFlight,
        Duration entityTimeout,
        DecodeMode decodeMode,
        boolean requireTimestamp,
        int bindingErrorsPerSecond,
        int sendQueueCapacity,
        int receiveBufferBytes) {

    public SignalingSettings {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("max-in-flight must be positive: " + maxInFlight);
        }
        if (maxNewRegistrationsInFlight < 1) {
            throw new IllegalArgumentException("max-new-registrations-in-flight must be positive: "
                    + maxNewRegistrationsInFlight);
        }
        // New registrations are part of all PBUs in flight: a higher limit of their own means none.
        maxNewRegistrationsInFlight = Math.min(maxNewRegistrationsInFlight, maxInFlight);
        if (entityTimeout.isNegative() || entityTimeout.isZero()) {
            throw new IllegalArgumentException("entity-timeout must be positive: " + entityTimeout);
        }
        if (receiveBufferBytes < 0) {
            throw new IllegalArgumentException("receive-buffer-bytes must not be negative: " + receiveBufferBytes);
        }
        if (bindingErrorsPerSecond < 0) {
            throw new IllegalArgumentException("binding-errors-per-second must not be negative");
        }
    }

    /** From the {@code pmip.lma.node} section. */
    public static SignalingSettings fromConfig(Config node) {
        return new SignalingSettings(
                node.getInt("max-in-flight"),
                node.getInt("max-new-registrations-in-flight"),
                node.getDuration("entity-timeout"),
                DecodeMode.valueOf(node.getString("decode-mode").toUpperCase(Locale.ROOT)),
                node.getBoolean("require-timestamp"),
                node.getInt("binding-errors-per-second"),
                node.getInt("send-queue-capacity"),
                (int) Math.min(Integer.MAX_VALUE, node.getBytes("receive-buffer-bytes")));
    }
}
