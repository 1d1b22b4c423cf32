package io.pmip.ops.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingError;
import io.pmip.protocol.mh.BindingRefreshRequest;
import io.pmip.protocol.mh.BindingRevocationAcknowledgement;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.LocalizedRoutingAcknowledgement;
import io.pmip.protocol.mh.LocalizedRoutingInitiation;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.UnknownMessage;
import io.pmip.protocol.mh.UpdateNotification;
import io.pmip.protocol.mh.UpdateNotificationAckStatus;
import io.pmip.protocol.mh.UpdateNotificationAcknowledgement;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
import io.pmip.protocol.mh.option.AlternateCareOfAddress;
import io.pmip.protocol.mh.option.AlternateIpv4CareOfAddress;
import io.pmip.protocol.mh.option.BindingRefreshAdvice;
import io.pmip.protocol.mh.option.FlowIdentification;
import io.pmip.protocol.mh.option.FlowSummary;
import io.pmip.protocol.mh.option.GreKey;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.Ipv4CareOfAddress;
import io.pmip.protocol.mh.option.Ipv4DefaultRouterAddress;
import io.pmip.protocol.mh.option.Ipv4DhcpSupportMode;
import io.pmip.protocol.mh.option.Ipv4HomeAddressReply;
import io.pmip.protocol.mh.option.Ipv4HomeAddressRequest;
import io.pmip.protocol.mh.option.LinkLocalAddress;
import io.pmip.protocol.mh.option.LoadInformation;
import io.pmip.protocol.mh.option.MagIpv6Address;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobileNodeLinkLayerIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.Redirect;
import io.pmip.protocol.mh.option.RedirectCapability;
import io.pmip.protocol.mh.option.RestartCounter;
import io.pmip.protocol.mh.option.Timestamp;
import io.pmip.protocol.mh.option.UnknownOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mapping is generic: one value of every record of the sealed model survives JSON text unchanged. */
class MobilityJsonTest {
    static final List<MobilityOption> EVERY_OPTION = List.of(
            new BindingRefreshAdvice(10),
            new AlternateCareOfAddress(IpText.ipv6("::ffff:192.0.2.9")),
            MobileNodeIdentifier.nai("mn@example.net"),
            new HomeNetworkPrefixOption(Ipv6Prefix.parse("2001:db8:1::/48")),
            HandoffIndicatorOption.of(HandoffIndicator.HANDOFF_BETWEEN_INTERFACES),
            new AccessTechnologyTypeOption(200), // unassigned: name null, code kept
            new MobileNodeLinkLayerIdentifier(Bytes.fromHex("0200deadbeef")),
            new LinkLocalAddress(IpText.ipv6("fe80::2")),
            new Timestamp(0x0001_0000_0000_8000L),
            new RestartCounter(0xffffffffL),
            new Ipv4CareOfAddress(IpText.ipv4("192.0.2.1")),
            GreKey.withoutKey(),
            new Ipv4HomeAddressRequest(24, IpText.ipv4("10.0.0.1")),
            new Ipv4HomeAddressReply(131, 24, IpText.ipv4("10.0.0.2")),
            new Ipv4DefaultRouterAddress(IpText.ipv4("10.0.0.254")),
            new Ipv4DhcpSupportMode(true),
            new FlowSummary(List.of(1, 65535)),
            new FlowIdentification(7, 8, 0, Bytes.fromHex("0102")),
            new RedirectCapability(),
            new Redirect(IpText.ipv6("2001:db8::99"), null),
            new LoadInformation(1, 2, 3, 4, 0xffffffffL),
            new AlternateIpv4CareOfAddress(IpText.ipv4("203.0.113.5")),
            MobileNodeGroupIdentifier.bulkBindingUpdateGroup(1),
            MagIpv6Address.of(IpText.ipv6("2001:db8:a1::1")),
            new UnknownOption(200, Bytes.fromHex("00ff")));

    static final List<MobilityMessage> EVERY_MESSAGE = List.of(
            new BindingRefreshRequest(EVERY_OPTION),
            ProxyBindingUpdate.fromFlags(65535, 0xffff, 1, List.of()),
            ProxyBindingAcknowledgement.fromFlags(99, 0xff, 2, 3, List.of()),
            new BindingError(1, IpText.ipv6("2001:db8::7"), List.of()),
            new Heartbeat(0x0004, true, true, 0xffffffffL, List.of()),
            new BindingRevocationIndication(250, 1, true, true, true, 0x1fff, List.of()),
            new BindingRevocationAcknowledgement(0, 1, false, true, false, 1, List.of()),
            new LocalizedRoutingInitiation(3, 40, List.of()),
            new LocalizedRoutingAcknowledgement(4, true, 0x7f, 129, 40, List.of()),
            new UpdateNotification(5, true, true, 0x3f, 8, List.of()),
            UpdateNotificationAcknowledgement.of(6, UpdateNotificationAckStatus.MN_NOT_ATTACHED, List.of()),
            new UnknownMessage(99, Bytes.fromHex("0000")));

    @Test
    void everyRecordOfTheModelIsCovered() {
        assertEquals(classes(MobilityOption.class), new HashSet<>(EVERY_OPTION.stream().map(Object::getClass).toList()));
        assertEquals(classes(MobilityMessage.class), new HashSet<>(EVERY_MESSAGE.stream().map(Object::getClass).toList()));
    }

    @Test
    void everyMessageAndOptionSurvivesJsonText() throws Exception {
        for (MobilityMessage m : EVERY_MESSAGE) {
            String text = Json.MAPPER.writeValueAsString(MobilityJson.toJson(m));
            assertEquals(m, MobilityJson.messageFromJson(Json.MAPPER.readTree(text), "message"), text);
        }
    }

    @Test
    void codesOutsideTheEnumsKeepTheirValueAndShowNoName() {
        ObjectNode pba = MobilityJson.toJson(EVERY_MESSAGE.get(2));
        assertTrue(pba.get("status").get("name").isNull(), pba::toString);
        assertEquals(99, pba.get("status").get("code").asInt());
        ObjectNode att = MobilityJson.toJson(new AccessTechnologyTypeOption(AccessTechnologyType.NB_IOT_3GPP.code()));
        assertEquals("NB_IOT_3GPP", att.get("accessTechnologyType").get("name").asText());
        assertEquals(13, att.get("accessTechnologyType").get("code").asInt());
    }

    @Test
    void valuesAreShownAsText() {
        JsonNode options = MobilityJson.toJson(EVERY_MESSAGE.get(0)).get("options");
        assertEquals("::ffff:c000:209", options.get(1).get("address").asText());
        assertEquals("2001:db8:1::/48", options.get(3).get("prefix").asText());
        assertEquals("0200deadbeef", options.get(6).get("identifier").asText());
        assertTrue(options.get(19).get("ipv4Address").isNull());
        assertEquals(200, options.get(24).get("optionType").asInt());
        assertEquals("UnknownOption", options.get(24).get("type").asText());
    }

    @Test
    void theRawCodeFieldIsAcceptedInsteadOfTheNamedView() throws Exception {
        JsonNode hand = Json.MAPPER.readTree("{\"type\":\"HandoffIndicatorOption\",\"handoffIndicatorCode\":5}");
        assertEquals(new HandoffIndicatorOption(5), MobilityJson.optionFromJson(hand, "o"));
        JsonNode byCodeOnly = Json.MAPPER.readTree("{\"optionType\":23,\"handoffIndicator\":{\"code\":2}}");
        assertEquals(new HandoffIndicatorOption(2), MobilityJson.optionFromJson(byCodeOnly, "o"));
        JsonNode unknownByCode = Json.MAPPER.readTree("{\"optionType\":201,\"data\":\"\"}");
        assertEquals(new UnknownOption(201, Bytes.EMPTY), MobilityJson.optionFromJson(unknownByCode, "o"));
    }

    private static Set<Class<?>> classes(Class<?> sealed) {
        return new HashSet<>(Arrays.asList(sealed.getPermittedSubclasses()));
    }
}
