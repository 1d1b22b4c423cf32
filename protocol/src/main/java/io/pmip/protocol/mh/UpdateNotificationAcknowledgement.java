package io.pmip.protocol.mh;

import static io.pmip.protocol.mh.WireValues.uint16;
import static io.pmip.protocol.mh.WireValues.uint8;

import io.pmip.protocol.mh.option.MobilityOption;
import java.util.List;
import java.util.Optional;

/**
 * Update Notification Acknowledgement, MH Type 20 (RFC 7077 section 4.2): Sequence # (16),
 * Status (8), Reserved (8) from MH offset 6, options from 10.
 */
public record UpdateNotificationAcknowledgement(int sequence, int statusCode, List<MobilityOption> options)
        implements MobilityMessage {
    public static final int MH_TYPE = 20;

    public UpdateNotificationAcknowledgement {
        uint16("sequence", sequence);
        uint8("status", statusCode);
        options = List.copyOf(options);
    }

    public static UpdateNotificationAcknowledgement of(int sequence, UpdateNotificationAckStatus status,
            List<MobilityOption> options) {
        return new UpdateNotificationAcknowledgement(sequence, status.code(), options);
    }

    public Optional<UpdateNotificationAckStatus> status() {
        return UpdateNotificationAckStatus.fromCode(statusCode);
    }

    @Override
    public int mhType() {
        return MH_TYPE;
    }
}
