package io.pmip.protocol.mh;

import static io.pmip.protocol.mh.WireValues.range;
import static io.pmip.protocol.mh.WireValues.uint16;

import io.pmip.protocol.mh.option.MobilityOption;
import java.util.List;

/**
 * Binding Update, MH Type 5 (RFC 6275 section 6.1.7), in its Proxy Binding Update use (RFC 5213
 * section 8.1: the same layout with the Proxy Registration flag P set). A plain RFC 6275 Binding
 * Update decodes to this same record with {@link #proxyRegistration()} false; nothing is lost.
 *
 * <p>Layout from MH offset 6: Sequence # (16), flags A H L K M R P F T B + 6 further bits (16),
 * Lifetime (16, units of 4 seconds), options from offset 12.
 *
 * @param sequence Sequence Number (RFC 6275 6.1.7)
 * @param acknowledge A: acknowledgement requested (RFC 6275 6.1.7; MUST be 1 in a PBU, RFC 5213 8.1)
 * @param homeRegistration H (RFC 6275 6.1.7)
 * @param linkLocalAddressCompatibility L (RFC 6275 6.1.7)
 * @param keyManagementMobilityCapability K (RFC 6275 6.1.7)
 * @param mapRegistration M (RFC 4140)
 * @param mobileRouter R (RFC 3963)
 * @param proxyRegistration P (RFC 5213 8.1)
 * @param forcingUdpEncapsulation F (RFC 5555)
 * @param tlvHeaderFormat T (RFC 5845)
 * @param bulkBindingUpdate B (RFC 6602)
 * @param otherFlags the six low-order flag bits (mask 0x003f; S=0x20 RFC 7161, D=0x10 RFC 8885)
 * @param lifetime Lifetime in units of 4 seconds (RFC 6275 6.1.7); 0 = deregistration
 */
public record ProxyBindingUpdate(
        int sequence,
        boolean acknowledge,
        boolean homeRegistration,
        boolean linkLocalAddressCompatibility,
        boolean keyManagementMobilityCapability,
        boolean mapRegistration,
        boolean mobileRouter,
        boolean proxyRegistration,
        boolean forcingUdpEncapsulation,
        boolean tlvHeaderFormat,
        boolean bulkBindingUpdate,
        int otherFlags,
        int lifetime,
        List<MobilityOption> options) implements MobilityMessage {

    public static final int MH_TYPE = 5;
    public static final int FLAG_A = 0x8000;
    public static final int FLAG_H = 0x4000;
    public static final int FLAG_L = 0x2000;
    public static final int FLAG_K = 0x1000;
    public static final int FLAG_M = 0x0800;
    public static final int FLAG_R = 0x0400;
    public static final int FLAG_P = 0x0200;
    public static final int FLAG_F = 0x0100;
    public static final int FLAG_T = 0x0080;
    public static final int FLAG_B = 0x0040;
    public static final int OTHER_FLAGS_MASK = 0x003f;

    public ProxyBindingUpdate {
        uint16("sequence", sequence);
        uint16("lifetime", lifetime);
        range("otherFlags", otherFlags, 0, OTHER_FLAGS_MASK);
        options = List.copyOf(options);
    }

    /**
     * A Proxy Binding Update as a MAG sends it: A and P set (RFC 5213 section 8.1), every other
     * flag clear.
     */
    public static ProxyBindingUpdate of(int sequence, int lifetime, List<MobilityOption> options) {
        return fromFlags(sequence, FLAG_A | FLAG_P, lifetime, options);
    }

    /** Builds the record from the 16-bit flags word as it appears on the wire (offset 8). */
    public static ProxyBindingUpdate fromFlags(int sequence, int flags, int lifetime, List<MobilityOption> options) {
        uint16("flags", flags);
        return new ProxyBindingUpdate(sequence, (flags & FLAG_A) != 0, (flags & FLAG_H) != 0, (flags & FLAG_L) != 0,
                (flags & FLAG_K) != 0, (flags & FLAG_M) != 0, (flags & FLAG_R) != 0, (flags & FLAG_P) != 0,
                (flags & FLAG_F) != 0, (flags & FLAG_T) != 0, (flags & FLAG_B) != 0, flags & OTHER_FLAGS_MASK,
                lifetime, options);
    }

    /** The 16-bit flags word as sent on the wire. */
    public int flags() {
        return (acknowledge ? FLAG_A : 0) | (homeRegistration ? FLAG_H : 0) | (linkLocalAddressCompatibility ? FLAG_L : 0)
                | (keyManagementMobilityCapability ? FLAG_K : 0) | (mapRegistration ? FLAG_M : 0)
                | (mobileRouter ? FLAG_R : 0) | (proxyRegistration ? FLAG_P : 0) | (forcingUdpEncapsulation ? FLAG_F : 0)
                | (tlvHeaderFormat ? FLAG_T : 0) | (bulkBindingUpdate ? FLAG_B : 0) | otherFlags;
    }

    /** Lifetime in seconds (the wire unit is 4 seconds, RFC 6275 6.1.7). */
    public long lifetimeSeconds() {
        return lifetime * 4L;
    }

    /** A copy with other options. */
    public ProxyBindingUpdate withOptions(List<MobilityOption> newOptions) {
        return fromFlags(sequence, flags(), lifetime, newOptions);
    }

    @Override
    public int mhType() {
        return MH_TYPE;
    }
}
