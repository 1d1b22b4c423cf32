package io.pmip.protocol.mh;

import static io.pmip.protocol.mh.WireValues.range;
import static io.pmip.protocol.mh.WireValues.uint16;
import static io.pmip.protocol.mh.WireValues.uint8;

import io.pmip.protocol.mh.option.MobilityOption;
import java.util.List;
import java.util.Optional;

/**
 * Binding Revocation Acknowledgement: MH Type 16 with B.R. Type 2 (RFC 5846 section 6.2). Layout
 * from MH offset 6: B.R. Type (8) = 2, Status (8), Sequence # (16), flags P V G + 13 further bits
 * (16), options from 12.
 *
 * @param statusCode Status, raw (see {@link #status()})
 * @param otherFlags remaining bits, mask 0x1fff
 */
public record BindingRevocationAcknowledgement(int statusCode, int sequence, boolean proxyBinding,
        boolean ipv4HomeAddressBindingOnly, boolean global, int otherFlags, List<MobilityOption> options)
        implements MobilityMessage {
    public static final int MH_TYPE = 16;
    /** B.R. Type of an acknowledgement (RFC 5846 6.2). */
    public static final int BR_TYPE = 2;

    public BindingRevocationAcknowledgement {
        uint8("status", statusCode);
        uint16("sequence", sequence);
        range("otherFlags", otherFlags, 0, BindingRevocationIndication.OTHER_FLAGS_MASK);
        options = List.copyOf(options);
    }

    public static BindingRevocationAcknowledgement of(RevocationStatus status, int sequence, boolean proxyBinding,
            boolean global, List<MobilityOption> options) {
        return new BindingRevocationAcknowledgement(status.code(), sequence, proxyBinding, false, global, 0, options);
    }

    public Optional<RevocationStatus> status() {
        return RevocationStatus.fromCode(statusCode);
    }

    public int flags() {
        return (proxyBinding ? BindingRevocationIndication.FLAG_P : 0)
                | (ipv4HomeAddressBindingOnly ? BindingRevocationIndication.FLAG_V : 0)
                | (global ? BindingRevocationIndication.FLAG_G : 0) | otherFlags;
    }

    @Override
    public int mhType() {
        return MH_TYPE;
    }
}
