package io.pmip.protocol.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.Ipv4HomeAddressRequest;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.Timestamp;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyBindingUpdateValidatorTest {
    static final MobilityOption MN_ID = MobileNodeIdentifier.nai("mn1@example.com");
    static final MobilityOption HNP = new HomeNetworkPrefixOption(Ipv6Prefix.UNSPECIFIED);
    static final MobilityOption HI = HandoffIndicatorOption.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE);
    static final MobilityOption ATT = AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_3);
    static final MobilityOption TS = Timestamp.of(Instant.parse("2026-01-01T00:00:00Z"));
    static final List<MobilityOption> COMPLETE = List.of(MN_ID, HNP, HI, ATT, TS);

    final ProxyBindingUpdateValidator validator = ProxyBindingUpdateValidator.timestampBased();

    static ProxyBindingUpdate pbu(List<MobilityOption> options) {
        return ProxyBindingUpdate.of(1, 100, options);
    }

    static List<MobilityOption> without(MobilityOption o) {
        List<MobilityOption> l = new ArrayList<>(COMPLETE);
        l.remove(o);
        return l;
    }

    static List<MobilityOption> plus(MobilityOption o) {
        List<MobilityOption> l = new ArrayList<>(COMPLETE);
        l.add(o);
        return l;
    }

    void assertRejected(BindingAckStatus status, List<MobilityOption> options) {
        ValidationResult r = validator.validate(pbu(options));
        assertEquals(status, ((ValidationResult.Rejected) r).status(), r.toString());
    }

    @Test
    void completePbuIsAccepted() {
        assertTrue(validator.validate(pbu(COMPLETE)).isAccepted());
        assertTrue(validator.validate(pbu(plus(new HomeNetworkPrefixOption(Ipv6Prefix.parse("2001:db8::/64")))))
                .isAccepted(), "several Home Network Prefix options are allowed");
    }

    @Test
    void missingMandatoryOptionsMapToTheirRfc5213Status() {
        assertRejected(BindingAckStatus.MISSING_MN_IDENTIFIER_OPTION, without(MN_ID)); // 160
        assertRejected(BindingAckStatus.MISSING_HOME_NETWORK_PREFIX_OPTION, without(HNP)); // 158
        assertRejected(BindingAckStatus.MISSING_HANDOFF_INDICATOR_OPTION, without(HI)); // 161
        assertRejected(BindingAckStatus.MISSING_ACCESS_TECH_TYPE_OPTION, without(ATT)); // 162
        assertRejected(BindingAckStatus.TIMESTAMP_MISMATCH, without(TS)); // 156
        assertTrue(ProxyBindingUpdateValidator.sequenceBased().validate(pbu(without(TS))).isAccepted());
    }

    @Test
    void ipv4OnlyPbuNeedsNoHomeNetworkPrefix() throws Exception {
        List<MobilityOption> options = without(HNP);
        options.add(new Ipv4HomeAddressRequest(0, (Inet4Address) InetAddress.getByName("0.0.0.0")));
        assertTrue(validator.validate(pbu(options)).isAccepted());
        options.add(new Ipv4HomeAddressRequest(0, (Inet4Address) InetAddress.getByName("0.0.0.0")));
        assertRejected(BindingAckStatus.MULTIPLE_IPV4_HOME_ADDRESS_ASSIGNMENT_NOT_SUPPORTED, options); // 173
    }

    @Test
    void duplicatesOfSingleOptionsAreRejected() {
        assertRejected(BindingAckStatus.REASON_UNSPECIFIED, plus(MobileNodeIdentifier.nai("other@example.com")));
        assertRejected(BindingAckStatus.REASON_UNSPECIFIED, plus(HI));
        assertRejected(BindingAckStatus.REASON_UNSPECIFIED, plus(ATT));
        assertRejected(BindingAckStatus.REASON_UNSPECIFIED, plus(TS));
    }

    @Test
    void bulkPbuNeedsExactlyOneGroupIdentifier() {
        ProxyBindingUpdate bulk = ProxyBindingUpdate.fromFlags(1,
                ProxyBindingUpdate.FLAG_A | ProxyBindingUpdate.FLAG_P | ProxyBindingUpdate.FLAG_B, 100,
                List.of(MobileNodeGroupIdentifier.bulkBindingUpdateGroup(7), TS));
        assertTrue(validator.validate(bulk).isAccepted());
        ValidationResult none = validator.validate(bulk.withOptions(List.of(TS)));
        assertEquals(BindingAckStatus.INVALID_MOBILE_NODE_GROUP_IDENTIFIER, ((ValidationResult.Rejected) none).status());
        ValidationResult badSubtype = validator.validate(bulk.withOptions(List.of(new MobileNodeGroupIdentifier(2, 7))));
        assertEquals(BindingAckStatus.INVALID_MOBILE_NODE_GROUP_IDENTIFIER,
                ((ValidationResult.Rejected) badSubtype).status());
    }
}
