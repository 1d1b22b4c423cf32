package io.pmip.protocol.validation;

import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
import io.pmip.protocol.mh.option.GreKey;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.Ipv4CareOfAddress;
import io.pmip.protocol.mh.option.Ipv4HomeAddressRequest;
import io.pmip.protocol.mh.option.LinkLocalAddress;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobileNodeLinkLayerIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.Timestamp;
import java.util.List;

/**
 * Checks that a decoded Proxy Binding Update carries the options the LMA needs, before any
 * binding state is looked at (RFC 5213 section 5.3.1 and the extension RFCs). Policy checks
 * (is this MAG authorized, is this prefix the MN's) are not here: they need state.
 *
 * <p>Rules, in the order applied:
 * <ol>
 *   <li>B flag set: a bulk PBU (RFC 6602 section 6.1) must carry exactly one Mobile Node Group
 *       Identifier option of sub-type 1, else 175 INVALID_MOBILE_NODE_GROUP_IDENTIFIER; the
 *       per-mobile-node options below are then not required.</li>
 *   <li>No Mobile Node Identifier option: 160 MISSING_MN_IDENTIFIER_OPTION (RFC 5213 5.3.1).</li>
 *   <li>No Home Network Prefix option: 158 MISSING_HOME_NETWORK_PREFIX_OPTION (RFC 5213 5.3.1),
 *       unless an IPv4 Home Address Request is present (IPv4-only service, RFC 5844 3.1).</li>
 *   <li>No Handoff Indicator option: 161 MISSING_HANDOFF_INDICATOR_OPTION (RFC 5213 5.3.1).</li>
 *   <li>No Access Technology Type option: 162 MISSING_ACCESS_TECH_TYPE_OPTION (RFC 5213 5.3.1).</li>
 *   <li>Timestamp-based ordering configured and no Timestamp option: 156 TIMESTAMP_MISMATCH
 *       (RFC 5213 5.5).</li>
 *   <li>More than one IPv4 Home Address Request option: 173
 *       MULTIPLE_IPV4_HOME_ADDRESS_ASSIGNMENT_NOT_SUPPORTED (RFC 5844 3.1.2).</li>
 *   <li>More than one of an option RFC 5213 section 8 defines once per message (MN Identifier,
 *       Handoff Indicator, Access Technology Type, Timestamp, MN Link-layer Identifier,
 *       Link-local Address) or of GRE Key (RFC 5845) or IPv4 Care-of Address (RFC 5844): no RFC
 *       names a status, so 128 "reason unspecified" with the option named in the reason.</li>
 * </ol>
 */
public final class ProxyBindingUpdateValidator {
    private static final List<Class<? extends MobilityOption>> AT_MOST_ONCE = List.of(
            MobileNodeIdentifier.class, HandoffIndicatorOption.class, AccessTechnologyTypeOption.class,
            Timestamp.class, MobileNodeLinkLayerIdentifier.class, LinkLocalAddress.class, GreKey.class,
            Ipv4CareOfAddress.class);

    private final boolean timestampRequired;

    /**
     * @param timestampRequired true when the LMA orders registrations by the Timestamp option
     *     (RFC 5213 5.5, the default), false when it uses sequence numbers
     */
    public ProxyBindingUpdateValidator(boolean timestampRequired) {
        this.timestampRequired = timestampRequired;
    }

    /** The RFC 5213 default: timestamp-based message ordering. */
    public static ProxyBindingUpdateValidator timestampBased() {
        return new ProxyBindingUpdateValidator(true);
    }

    public static ProxyBindingUpdateValidator sequenceBased() {
        return new ProxyBindingUpdateValidator(false);
    }

    public ValidationResult validate(ProxyBindingUpdate pbu) {
        if (pbu.bulkBindingUpdate()) {
            return validateBulk(pbu);
        }
        if (pbu.optionsOf(MobileNodeIdentifier.class).isEmpty()) {
            return reject(BindingAckStatus.MISSING_MN_IDENTIFIER_OPTION, "no Mobile Node Identifier option");
        }
        if (pbu.optionsOf(HomeNetworkPrefixOption.class).isEmpty()
                && pbu.optionsOf(Ipv4HomeAddressRequest.class).isEmpty()) {
            return reject(BindingAckStatus.MISSING_HOME_NETWORK_PREFIX_OPTION, "no Home Network Prefix option");
        }
        if (pbu.optionsOf(HandoffIndicatorOption.class).isEmpty()) {
            return reject(BindingAckStatus.MISSING_HANDOFF_INDICATOR_OPTION, "no Handoff Indicator option");
        }
        if (pbu.optionsOf(AccessTechnologyTypeOption.class).isEmpty()) {
            return reject(BindingAckStatus.MISSING_ACCESS_TECH_TYPE_OPTION, "no Access Technology Type option");
        }
        if (timestampRequired && pbu.optionsOf(Timestamp.class).isEmpty()) {
            return reject(BindingAckStatus.TIMESTAMP_MISMATCH, "no Timestamp option (timestamp-based ordering)");
        }
        if (pbu.optionsOf(Ipv4HomeAddressRequest.class).size() > 1) {
            return reject(BindingAckStatus.MULTIPLE_IPV4_HOME_ADDRESS_ASSIGNMENT_NOT_SUPPORTED,
                    "more than one IPv4 Home Address Request option");
        }
        for (Class<? extends MobilityOption> type : AT_MOST_ONCE) {
            if (pbu.optionsOf(type).size() > 1) {
                return reject(BindingAckStatus.REASON_UNSPECIFIED, "more than one " + type.getSimpleName() + " option");
            }
        }
        return ValidationResult.ACCEPTED;
    }

    private static ValidationResult validateBulk(ProxyBindingUpdate pbu) {
        List<MobileNodeGroupIdentifier> groups = pbu.optionsOf(MobileNodeGroupIdentifier.class);
        if (groups.size() != 1) {
            return reject(BindingAckStatus.INVALID_MOBILE_NODE_GROUP_IDENTIFIER,
                    "bulk PBU carries " + groups.size() + " Mobile Node Group Identifier options, needs exactly 1");
        }
        if (groups.get(0).subtype() != MobileNodeGroupIdentifier.SUBTYPE_BULK_BINDING_UPDATE_GROUP) {
            return reject(BindingAckStatus.INVALID_MOBILE_NODE_GROUP_IDENTIFIER,
                    "Mobile Node Group Identifier sub-type " + groups.get(0).subtype() + " is not 1");
        }
        return ValidationResult.ACCEPTED;
    }

    private static ValidationResult reject(BindingAckStatus status, String reason) {
        return new ValidationResult.Rejected(status, reason);
    }
}
