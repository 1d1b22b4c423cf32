package io.pmip.protocol.mh;

import static io.pmip.protocol.mh.WireValues.range;
import static io.pmip.protocol.mh.WireValues.uint16;
import static io.pmip.protocol.mh.WireValues.uint8;

import io.pmip.protocol.mh.option.MobilityOption;
import java.util.List;
import java.util.Optional;

/**
 * Binding Acknowledgement, MH Type 6 (RFC 6275 section 6.1.8), in its Proxy Binding
 * Acknowledgement use (RFC 5213 section 8.2: P set). Layout from MH offset 6: Status (8), flags
 * K R P T B + 3 further bits (8), Sequence # (16), Lifetime (16, units of 4 s), options from 12.
 *
 * @param statusCode Status, raw (see {@link #status()})
 * @param keyManagementMobilityCapability K (RFC 6275 6.1.8)
 * @param mobileRouter R (RFC 3963)
 * @param proxyRegistration P (RFC 5213 8.2)
 * @param tlvHeaderFormat T (RFC 5845)
 * @param bulkBindingUpdate B (RFC 6602)
 * @param otherFlags the three low-order flag bits (mask 0x07; S=0x04 RFC 7161, D=0x02 RFC 8885)
 * @param sequence Sequence Number copied from the PBU
 * @param lifetime granted Lifetime in units of 4 seconds
 */
public record ProxyBindingAcknowledgement(
        int statusCode,
        boolean keyManagementMobilityCapability,
        boolean mobileRouter,
        boolean proxyRegistration,
        boolean tlvHeaderFormat,
        boolean bulkBindingUpdate,
        int otherFlags,
        int sequence,
        int lifetime,
        List<MobilityOption> options) implements MobilityMessage {

    public static final int MH_TYPE = 6;
    public static final int FLAG_K = 0x80;
    public static final int FLAG_R = 0x40;
    public static final int FLAG_P = 0x20;
    public static final int FLAG_T = 0x10;
    public static final int FLAG_B = 0x08;
    public static final int OTHER_FLAGS_MASK = 0x07;

    public ProxyBindingAcknowledgement {
        uint8("status", statusCode);
        range("otherFlags", otherFlags, 0, OTHER_FLAGS_MASK);
        uint16("sequence", sequence);
        uint16("lifetime", lifetime);
        options = List.copyOf(options);
    }

    /** A PBA as an LMA sends it: P set (RFC 5213 section 8.2), other flags clear. */
    public static ProxyBindingAcknowledgement of(BindingAckStatus status, int sequence, int lifetime,
            List<MobilityOption> options) {
        return fromFlags(status.code(), FLAG_P, sequence, lifetime, options);
    }

    /** Builds the record from the 8-bit flags byte as it appears on the wire (offset 7). */
    public static ProxyBindingAcknowledgement fromFlags(int statusCode, int flags, int sequence, int lifetime,
            List<MobilityOption> options) {
        uint8("flags", flags);
        return new ProxyBindingAcknowledgement(statusCode, (flags & FLAG_K) != 0, (flags & FLAG_R) != 0,
                (flags & FLAG_P) != 0, (flags & FLAG_T) != 0, (flags & FLAG_B) != 0, flags & OTHER_FLAGS_MASK,
                sequence, lifetime, options);
    }

    public int flags() {
        return (keyManagementMobilityCapability ? FLAG_K : 0) | (mobileRouter ? FLAG_R : 0)
                | (proxyRegistration ? FLAG_P : 0) | (tlvHeaderFormat ? FLAG_T : 0) | (bulkBindingUpdate ? FLAG_B : 0)
                | otherFlags;
    }

    /** The status as a registered value; empty for an unassigned code. */
    public Optional<BindingAckStatus> status() {
        return BindingAckStatus.fromCode(statusCode);
    }

    /** RFC 6275 section 6.1.8: a status below 128 means the binding was accepted. */
    public boolean isAccepted() {
        return statusCode < 128;
    }

    public long lifetimeSeconds() {
        return lifetime * 4L;
    }

    @Override
    public int mhType() {
        return MH_TYPE;
    }
}
