package io.pmip.protocol.codec;

import static io.pmip.protocol.codec.Hex.hex;
import static io.pmip.protocol.codec.Hex.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.BindingError;
import io.pmip.protocol.mh.BindingRefreshRequest;
import io.pmip.protocol.mh.BindingRevocationAcknowledgement;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.LocalizedRoutingAcknowledgement;
import io.pmip.protocol.mh.LocalizedRoutingInitiation;
import io.pmip.protocol.mh.LocalizedRoutingStatus;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.NotificationReason;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.RevocationStatus;
import io.pmip.protocol.mh.RevocationTrigger;
import io.pmip.protocol.mh.UnknownMessage;
import io.pmip.protocol.mh.UpdateNotification;
import io.pmip.protocol.mh.UpdateNotificationAckStatus;
import io.pmip.protocol.mh.UpdateNotificationAcknowledgement;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
import io.pmip.protocol.mh.option.BindingRefreshAdvice;
import io.pmip.protocol.mh.option.GreKey;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.Ipv4DefaultRouterAddress;
import io.pmip.protocol.mh.option.Ipv4HomeAddressReply;
import io.pmip.protocol.mh.option.Ipv4HomeAddressReplyStatus;
import io.pmip.protocol.mh.option.MagIpv6Address;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.RestartCounter;
import io.pmip.protocol.mh.option.Timestamp;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every message type against a vector worked out by hand from its RFC figure. Offsets in the
 * comments count from the first byte of the Mobility Header.
 */
class MessageVectorsTest {
    static final Inet6Address MAG = v6("2001:db8::1");
    static final Inet6Address LMA = v6("2001:db8::2");
    static final String NAI_HEX = "6d6e31406578616d706c652e636f6d"; // "mn1@example.com", 15 octets

    @Test
    void proxyBindingUpdateOverIpv6WithChecksum() throws Exception {
        ProxyBindingUpdate pbu = ProxyBindingUpdate.of(1, 1000, List.of(
                MobileNodeIdentifier.nai("mn1@example.com"),
                new HomeNetworkPrefixOption(Ipv6Prefix.UNSPECIFIED),
                HandoffIndicatorOption.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE),
                AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11),
                new Timestamp(0x00006553f1008000L)));
        byte[] expected = hex(
                "3b", // 0 Payload Proto 59 (RFC 6275 6.1.1)
                "09", // 1 Header Len: 80 octets / 8 - 1
                "05", // 2 MH Type 5 Binding Update
                "00", // 3 Reserved
                "fc26", // 4 Checksum over pseudo-header 2001:db8::1 -> 2001:db8::2, length 80, NH 135
                        // (same value from scapy 2.5 in6_chksum; tshark 4.0 decodes every field)
                "0001", // 6 Sequence # 1
                "8200", // 8 flags A (0x8000) | P (0x0200) (RFC 5213 8.1)
                "03e8", // 10 Lifetime 1000 x 4 s
                "08", "10", "01", NAI_HEX, // 12 MN-ID: Type 8, Length 16, Subtype 1 NAI, no alignment (RFC 4283)
                "01", "04", "00000000", // 30 PadN 4: HNP needs 8n+4, next is 36
                "16", "12", "00", "00", "00000000000000000000000000000000", // 36 HNP ::/0 (RFC 5213 8.3)
                "17", "02", "00", "01", // 56 Handoff Indicator 1, no alignment (RFC 5213 8.4)
                "18", "02", "00", "04", // 60 Access Technology Type 4 IEEE 802.11a/b/g (RFC 5213 8.5)
                "01", "00", // 64 PadN 0: Timestamp needs 8n+2
                "1b", "08", "00006553f1008000", // 66 Timestamp 48.16 fixed point (RFC 5213 8.8)
                "01", "02", "0000"); // 76 PadN 2 to the multiple of 8 (80)
        assertEquals(str(expected), str(MobilityHeaderEncoder.encode(pbu, MAG, LMA)));
        assertDecodes(pbu, expected, DecodeContext.ipv6(MAG, LMA, DecodeMode.STRICT));
    }

    @Test
    void proxyBindingAcknowledgementOverUdp() throws Exception {
        ProxyBindingAcknowledgement pba = ProxyBindingAcknowledgement.of(BindingAckStatus.ACCEPTED, 1, 1000, List.of(
                MobileNodeIdentifier.nai("mn1@example.com"),
                new HomeNetworkPrefixOption(Ipv6Prefix.parse("2001:db8:1::/64")),
                Ipv4HomeAddressReply.of(Ipv4HomeAddressReplyStatus.SUCCESS, 24, v4("10.0.0.5")),
                new Ipv4DefaultRouterAddress(v4("10.0.0.1")),
                GreKey.of(0x01020304L)));
        byte[] expected = hex(
                "3b", "09", "06", "00", // 0 Payload Proto, Header Len 9 (80 octets), MH Type 6, Reserved
                "0000", // 4 Checksum 0 on the IPv4/UDP transport (docs/wire-format-decisions.md)
                "00", // 6 Status 0 accepted
                "20", // 7 flags P (0x20) (RFC 5213 8.2)
                "0001", // 8 Sequence # 1
                "03e8", // 10 Lifetime 1000 x 4 s
                "08", "10", "01", NAI_HEX, // 12 MN-ID NAI
                "01", "04", "00000000", // 30 PadN 4 to 36 = 8n+4
                "16", "12", "00", "40", "20010db8000100000000000000000000", // 36 HNP 2001:db8:1::/64
                "25", "06", "00", "60", "0a000005", // 56 IPv4 HoA Reply 4n: Status 0, Prefix-len 24<<2, 10.0.0.5
                "26", "06", "0000", "0a000001", // 64 IPv4 Default-Router 4n: Reserved, 10.0.0.1
                "21", "06", "0000", "01020304"); // 72 GRE Key 4n: Reserved, key 0x01020304; ends at 80
        assertEquals(str(expected), str(MobilityHeaderEncoder.encodeForIpv4Udp(pba)));
        assertDecodes(pba, expected, DecodeContext.ipv4Udp(DecodeMode.STRICT));
    }

    @Test
    void bindingRefreshRequest() throws Exception {
        var brr = new BindingRefreshRequest(List.of(new BindingRefreshAdvice(0x10)));
        byte[] expected = hex(
                "3b", "01", "00", "00", "0000", // header: 16 octets, MH Type 0
                "0000", // 6 Reserved (RFC 6275 6.1.2)
                "02", "02", "0010", // 8 Binding Refresh Advice 2n: interval 16 x 4 s
                "01", "02", "0000"); // 12 PadN 2 to 16
        assertRoundTrip(brr, expected);
    }

    @Test
    void bindingError() throws Exception {
        var be = new BindingError(2, v6("2001:db8::5"), List.of());
        byte[] expected = hex(
                "3b", "02", "07", "00", "0000", // header: 24 octets, MH Type 7
                "02", // 6 Status 2 unrecognized MH Type (RFC 6275 6.1.9)
                "00", // 7 Reserved
                "20010db8000000000000000000000005"); // 8 Home Address; 24 is a multiple of 8, no padding
        assertRoundTrip(be, expected);
    }

    @Test
    void heartbeatResponseWithRestartCounter() throws Exception {
        var hb = Heartbeat.response(0x01020304L, false, List.of(new RestartCounter(7)));
        byte[] expected = hex(
                "3b", "02", "0d", "00", "0000", // header: 24 octets, MH Type 13
                "0001", // 6 14 reserved bits, U=0, R=1 response (RFC 5847 5.1)
                "01020304", // 8 Sequence Number (32 bits)
                "01", "00", // 12 PadN 0: Restart Counter needs 4n+2
                "1c", "04", "00000007", // 14 Restart Counter 7 (RFC 5847 5.2)
                "01", "02", "0000"); // 20 PadN 2 to 24
        assertRoundTrip(hb, expected);
    }

    @Test
    void bindingRevocationIndication() throws Exception {
        var bri = BindingRevocationIndication.of(RevocationTrigger.ADMINISTRATIVE_REASON, 7, true, true,
                List.of(MobileNodeGroupIdentifier.bulkBindingUpdateGroup(MobileNodeGroupIdentifier.ALL_SESSIONS)));
        byte[] expected = hex(
                "3b", "02", "10", "00", "0000", // header: 24 octets, MH Type 16
                "01", // 6 B.R. Type 1 indication (RFC 5846 6.1)
                "01", // 7 Revocation Trigger 1 administrative reason
                "0007", // 8 Sequence # 7
                "a000", // 10 P (0x8000) | G (0x2000)
                "32", "06", "01", "00", "00000001", // 12 MN Group Id 4n: sub-type 1, Reserved, ALL-SESSIONS
                "01", "02", "0000"); // 20 PadN 2 to 24
        assertRoundTrip(bri, expected);
    }

    @Test
    void bindingRevocationAcknowledgement() throws Exception {
        var bra = BindingRevocationAcknowledgement.of(RevocationStatus.BINDING_DOES_NOT_EXIST, 7, true, false, List.of());
        byte[] expected = hex(
                "3b", "01", "10", "00", "0000", // header: 16 octets, MH Type 16
                "02", // 6 B.R. Type 2 acknowledgement (RFC 5846 6.2)
                "80", // 7 Status 128 Binding Does NOT Exist
                "0007", // 8 Sequence # 7
                "8000", // 10 P
                "01", "02", "0000"); // 12 PadN 2 to 16
        assertRoundTrip(bra, expected);
    }

    @Test
    void localizedRoutingInitiationFollowsRfc6705NotTshark() throws Exception {
        var lri = new LocalizedRoutingInitiation(5, 300, List.of(MagIpv6Address.of(v6("2001:db8::a"))));
        byte[] expected = hex(
                "3b", "03", "11", "00", "0000", // header: 32 octets, MH Type 17
                "0005", // 6 Sequence # 5 (RFC 6705 11.2)
                "0000", // 8 Reserved
                "012c", // 10 Lifetime 300 seconds
                "33", "12", "00", "80", "20010db800000000000000000000000a"); // 12 MAG IPv6 Address 8n+4, Length 18
        assertRoundTrip(lri, expected);
    }

    @Test
    void localizedRoutingAcknowledgement() throws Exception {
        var lra = new LocalizedRoutingAcknowledgement(5, true, 0,
                LocalizedRoutingStatus.LOCALIZED_ROUTING_NOT_ALLOWED.code(), 300, List.of());
        byte[] expected = hex(
                "3b", "01", "12", "00", "0000", // header: 16 octets, MH Type 18
                "0005", // 6 Sequence # 5 (RFC 6705 11.3)
                "80", // 8 U (unsolicited) + 7 reserved bits
                "80", // 9 Status 128 localized routing not allowed
                "012c", // 10 Lifetime 300 seconds
                "01", "02", "0000"); // 12 PadN 2 to 16
        assertRoundTrip(lra, expected);
    }

    @Test
    void updateNotification() throws Exception {
        var upn = UpdateNotification.of(9, true, NotificationReason.FORCE_REREGISTRATION, List.of());
        byte[] expected = hex(
                "3b", "01", "13", "00", "0000", // header: 16 octets, MH Type 19
                "0009", // 6 Sequence # 9 (RFC 7077 4.1)
                "80", // 8 A (acknowledgement requested) + D=0 + 6 reserved bits
                "01", // 9 Notification Reason 1 FORCE-REREGISTRATION
                "01", "04", "00000000"); // 10 PadN 4 to 16
        assertRoundTrip(upn, expected);
    }

    @Test
    void updateNotificationAcknowledgement() throws Exception {
        var upa = UpdateNotificationAcknowledgement.of(9, UpdateNotificationAckStatus.SUCCESS, List.of());
        byte[] expected = hex(
                "3b", "01", "14", "00", "0000", // header: 16 octets, MH Type 20
                "0009", // 6 Sequence # 9 (RFC 7077 4.2)
                "00", // 8 Status 0 success
                "00", // 9 Reserved
                "01", "04", "00000000"); // 10 PadN 4 to 16
        assertRoundTrip(upa, expected);
    }

    @Test
    void unknownMessageReEncodesByteForByte() throws Exception {
        byte[] hoti = hex(
                "3b", "01", "01", "00", "0000", // header: 16 octets, MH Type 1 Home Test Init
                "0000", // 6 Reserved
                "0102030405060708"); // 8 Home Init Cookie
        MobilityMessage decoded = MobilityHeaderDecoder.decode(hoti, DecodeContext.ipv4Udp(DecodeMode.STRICT)).message();
        assertEquals(new UnknownMessage(1, Bytes.fromHex("00000102030405060708")), decoded);
        assertEquals(str(hoti), str(MobilityHeaderEncoder.encodeForIpv4Udp(decoded)));
    }

    @Test
    void revocationWithUnassignedTypeShorterThanABriStaysUnknown() throws Exception {
        // found by jqwik: a type-16 message with B.R. Type 3 in 8 octets was refused as too short for a BRI
        byte[] br = hex("3b", "00", "10", "00", "0000", // header: 8 octets, MH Type 16
                "03", "00"); // 6 B.R. Type 3 (unassigned, RFC 5846 6), 7 one octet more
        MobilityMessage decoded = MobilityHeaderDecoder.decode(br, DecodeContext.ipv4Udp(DecodeMode.STRICT)).message();
        assertEquals(new UnknownMessage(16, Bytes.fromHex("0300")), decoded);
        assertEquals(str(br), str(MobilityHeaderEncoder.encodeForIpv4Udp(decoded)));
    }

    @Test
    void plainBindingUpdateDecodesWithProxyFlagClear() throws Exception {
        byte[] bu = hex("3b", "01", "05", "00", "0000", "0002", "c000", "0010", "01020000"); // A|H, no P
        ProxyBindingUpdate m = (ProxyBindingUpdate) MobilityHeaderDecoder.decode(bu,
                DecodeContext.ipv4Udp(DecodeMode.STRICT)).message();
        assertEquals(false, m.proxyRegistration());
        assertEquals(true, m.homeRegistration());
        assertEquals(64, m.lifetimeSeconds());
    }

    @Test
    void unassignedStatusRoundTrips() throws Exception {
        var pba = ProxyBindingAcknowledgement.fromFlags(250, 0x20, 1, 0, List.of());
        byte[] wire = MobilityHeaderEncoder.encodeForIpv4Udp(pba);
        var back = (ProxyBindingAcknowledgement) MobilityHeaderDecoder.decode(wire,
                DecodeContext.ipv4Udp(DecodeMode.STRICT)).message();
        assertEquals(250, back.statusCode());
        assertEquals(java.util.Optional.empty(), back.status());
        assertEquals(false, back.isAccepted());
    }

    static void assertRoundTrip(MobilityMessage m, byte[] expected) throws Exception {
        assertEquals(str(expected), str(MobilityHeaderEncoder.encodeForIpv4Udp(m)));
        assertDecodes(m, expected, DecodeContext.ipv4Udp(DecodeMode.STRICT));
    }

    static void assertDecodes(MobilityMessage m, byte[] wire, DecodeContext context) throws Exception {
        DecodeResult result = MobilityHeaderDecoder.decode(wire, context);
        assertEquals(m, result.message());
        assertEquals(List.of(), result.warnings());
    }

    static Inet6Address v6(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Inet4Address v4(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
