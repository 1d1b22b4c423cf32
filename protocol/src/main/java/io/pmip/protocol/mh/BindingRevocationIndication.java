package io.pmip.protocol.mh;

import static io.pmip.protocol.mh.WireValues.range;
import static io.pmip.protocol.mh.WireValues.uint16;
import static io.pmip.protocol.mh.WireValues.uint8;

import io.pmip.protocol.mh.option.MobilityOption;
import java.util.List;
import java.util.Optional;

/**
 * Binding Revocation Indication: MH Type 16 with B.R. Type 1 (RFC 5846 section 6.1). Layout from
 * MH offset 6: B.R. Type (8) = 1, R. Trigger (8), Sequence # (16), flags P V G + 13 further bits
 * (16), options from 12. The 13 further bits are kept in {@code otherFlags} (RFC 5846 reserves
 * them; an Acknowledge bit some texts mention would land here, nothing is lost).
 *
 * @param revocationTriggerCode Revocation Trigger, raw (see {@link #revocationTrigger()})
 * @param proxyBinding P: the binding is a proxy (PMIPv6) binding
 * @param ipv4HomeAddressBindingOnly V: revoke only the IPv4 home address binding
 * @param global G: global revocation (all bindings of a MAG / group)
 * @param otherFlags remaining bits, mask 0x1fff
 */
public record BindingRevocationIndication(int revocationTriggerCode, int sequence, boolean proxyBinding,
        boolean ipv4HomeAddressBindingOnly, boolean global, int otherFlags, List<MobilityOption> options)
        implements MobilityMessage {
    public static final int MH_TYPE = 16;
    /** B.R. Type of an indication (RFC 5846 6.1). */
    public static final int BR_TYPE = 1;
    public static final int FLAG_P = 0x8000;
    public static final int FLAG_V = 0x4000;
    public static final int FLAG_G = 0x2000;
    public static final int OTHER_FLAGS_MASK = 0x1fff;

    public BindingRevocationIndication {
        uint8("revocationTrigger", revocationTriggerCode);
        uint16("sequence", sequence);
        range("otherFlags", otherFlags, 0, OTHER_FLAGS_MASK);
        options = List.copyOf(options);
    }

    public static BindingRevocationIndication of(RevocationTrigger trigger, int sequence, boolean proxyBinding,
            boolean global, List<MobilityOption> options) {
        return new BindingRevocationIndication(trigger.code(), sequence, proxyBinding, false, global, 0, options);
    }

    public Optional<RevocationTrigger> revocationTrigger() {
        return RevocationTrigger.fromCode(revocationTriggerCode);
    }

    public int flags() {
        return (proxyBinding ? FLAG_P : 0) | (ipv4HomeAddressBindingOnly ? FLAG_V : 0) | (global ? FLAG_G : 0) | otherFlags;
    }

    @Override
    public int mhType() {
        return MH_TYPE;
    }
}
