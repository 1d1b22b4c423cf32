package io.pmip.protocol.mh;

import static io.pmip.protocol.mh.WireValues.range;
import static io.pmip.protocol.mh.WireValues.uint16;
import static io.pmip.protocol.mh.WireValues.uint8;

import io.pmip.protocol.mh.option.MobilityOption;
import java.util.List;
import java.util.Optional;

/**
 * Update Notification, MH Type 19 (RFC 7077 section 4.1): Sequence # (16), flags A D + 6 reserved
 * bits (8), Notification Reason (8) from MH offset 6, options from 10.
 *
 * @param acknowledgementRequested A: the MAG must answer with an Update Notification Acknowledgement
 * @param deregistrationRequested D (RFC 7077 4.1)
 * @param otherFlags the 6 reserved bits (mask 0x3f), kept so nothing is lost
 * @param notificationReasonCode Notification Reason, raw (see {@link #notificationReason()})
 */
public record UpdateNotification(int sequence, boolean acknowledgementRequested, boolean deregistrationRequested,
        int otherFlags, int notificationReasonCode, List<MobilityOption> options) implements MobilityMessage {
    public static final int MH_TYPE = 19;
    public static final int FLAG_A = 0x80;
    public static final int FLAG_D = 0x40;

    public UpdateNotification {
        uint16("sequence", sequence);
        range("otherFlags", otherFlags, 0, 0x3f);
        uint8("notificationReason", notificationReasonCode);
        options = List.copyOf(options);
    }

    public static UpdateNotification of(int sequence, boolean acknowledgementRequested, NotificationReason reason,
            List<MobilityOption> options) {
        return new UpdateNotification(sequence, acknowledgementRequested, false, 0, reason.code(), options);
    }

    public Optional<NotificationReason> notificationReason() {
        return NotificationReason.fromCode(notificationReasonCode);
    }

    public int flags() {
        return (acknowledgementRequested ? FLAG_A : 0) | (deregistrationRequested ? FLAG_D : 0) | otherFlags;
    }

    @Override
    public int mhType() {
        return MH_TYPE;
    }
}
