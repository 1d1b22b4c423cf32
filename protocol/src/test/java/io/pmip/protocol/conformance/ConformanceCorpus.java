package io.pmip.protocol.conformance;

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
import io.pmip.protocol.mh.option.Ipv4HomeAddressReplyStatus;
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
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One sample of every message type and every option type the wire model has, with field values
 * distinct enough that a dissector reading the wrong bytes shows it. Shared by the tshark
 * conformance test, the fuzz seed corpus and the benchmark's idea of a "typical" PBU.
 */
public final class ConformanceCorpus {
    /** A MAG and an LMA on the documentation prefixes (RFC 3849, RFC 5737). */
    public static final Inet6Address MAG = v6("2001:db8::1");
    public static final Inet6Address LMA = v6("2001:db8::2");
    public static final Inet4Address MAG_V4 = v4("192.0.2.1");
    public static final Inet4Address LMA_V4 = v4("198.51.100.2");

    public static final String NAI = "mn1@example.com";
    public static final Ipv6Prefix HOME_NETWORK_PREFIX = Ipv6Prefix.parse("2001:db8:1:2::/64");
    /** 48-bit seconds 0x00006553f100 (2023-11-14T22:13:20Z) and fraction 0x8000 (RFC 5213 8.8). */
    public static final long TIMESTAMP = 0x00006553f1008000L;
    public static final byte[] MAC = {0x02, 0x00, 0x5e, 0x10, 0x20, 0x30};
    public static final long GRE_KEY = 0x0badcafeL;
    public static final long GROUP_ID = 0x01020304L;
    public static final long RESTART_COUNTER = 0x00c0ffeeL;

    /** One message of the corpus, named for file names and failure messages. */
    public record Sample(String name, MobilityMessage message) {
    }

    private ConformanceCorpus() {
    }

    /** The options of a MAG's initial registration (RFC 5213 section 6.9.1.1). */
    public static List<MobilityOption> typicalPbuOptions() {
        return List.of(
                MobileNodeIdentifier.nai(NAI),
                new HomeNetworkPrefixOption(HOME_NETWORK_PREFIX),
                HandoffIndicatorOption.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE),
                AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11),
                new MobileNodeLinkLayerIdentifier(Bytes.of(MAC)),
                new Timestamp(TIMESTAMP),
                MobileNodeGroupIdentifier.bulkBindingUpdateGroup(GROUP_ID));
    }

    /** A PBU as a MAG sends it, with the options of {@link #typicalPbuOptions()}. */
    public static ProxyBindingUpdate typicalPbu() {
        return ProxyBindingUpdate.of(4711, 900, typicalPbuOptions());
    }

    /** The LMA's accepting answer to {@link #typicalPbu()} (RFC 5213 section 5.3.5). */
    public static ProxyBindingAcknowledgement typicalPba() {
        return ProxyBindingAcknowledgement.of(BindingAckStatus.ACCEPTED, 4711, 900, List.of(
                MobileNodeIdentifier.nai(NAI),
                new HomeNetworkPrefixOption(HOME_NETWORK_PREFIX),
                HandoffIndicatorOption.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE),
                AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11),
                new MobileNodeLinkLayerIdentifier(Bytes.of(MAC)),
                new Timestamp(TIMESTAMP),
                MobileNodeGroupIdentifier.bulkBindingUpdateGroup(GROUP_ID)));
    }

    /** Every message type, and across them every option type of the model. */
    public static List<Sample> all() {
        return List.of(
                new Sample("brr", new BindingRefreshRequest(List.of())),
                new Sample("pbu-every-pmip-option", ProxyBindingUpdate.fromFlags(4711,
                        ProxyBindingUpdate.FLAG_A | ProxyBindingUpdate.FLAG_P | ProxyBindingUpdate.FLAG_T, 900, List.of(
                        MobileNodeIdentifier.nai(NAI),
                        new HomeNetworkPrefixOption(HOME_NETWORK_PREFIX),
                        new HomeNetworkPrefixOption(Ipv6Prefix.UNSPECIFIED),
                        HandoffIndicatorOption.of(HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE),
                        AccessTechnologyTypeOption.of(AccessTechnologyType.E_UTRAN_3GPP),
                        new MobileNodeLinkLayerIdentifier(Bytes.of(MAC)),
                        new LinkLocalAddress(v6("fe80::1")),
                        new Timestamp(TIMESTAMP),
                        GreKey.of(GRE_KEY),
                        new Ipv4HomeAddressRequest(24, v4("0.0.0.0")),
                        new Ipv4CareOfAddress(MAG_V4),
                        new Ipv4DhcpSupportMode(true),
                        new AlternateCareOfAddress(v6("2001:db8:ffff::1")),
                        new AlternateIpv4CareOfAddress(v4("192.0.2.77")),
                        new RedirectCapability()))),
                new Sample("pbu-bulk-deregistration", ProxyBindingUpdate.fromFlags(4712,
                        ProxyBindingUpdate.FLAG_A | ProxyBindingUpdate.FLAG_P | ProxyBindingUpdate.FLAG_B, 0, List.of(
                        MobileNodeGroupIdentifier.bulkBindingUpdateGroup(GROUP_ID),
                        new Timestamp(TIMESTAMP + 0x10000)))),
                new Sample("pba-every-pmip-option", ProxyBindingAcknowledgement.fromFlags(
                        BindingAckStatus.ACCEPTED.code(), ProxyBindingAcknowledgement.FLAG_P | ProxyBindingAcknowledgement.FLAG_T,
                        4711, 900, List.of(
                        MobileNodeIdentifier.nai(NAI),
                        new HomeNetworkPrefixOption(HOME_NETWORK_PREFIX),
                        HandoffIndicatorOption.of(HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE),
                        AccessTechnologyTypeOption.of(AccessTechnologyType.E_UTRAN_3GPP),
                        new MobileNodeLinkLayerIdentifier(Bytes.of(MAC)),
                        new LinkLocalAddress(v6("fe80::2")),
                        new Timestamp(TIMESTAMP),
                        GreKey.of(GRE_KEY + 1),
                        Ipv4HomeAddressReply.of(Ipv4HomeAddressReplyStatus.SUCCESS, 24, v4("10.1.2.3")),
                        new Ipv4DefaultRouterAddress(v4("10.1.2.1")),
                        new Ipv4DhcpSupportMode(false),
                        new BindingRefreshAdvice(225)))),
                new Sample("pba-redirect", ProxyBindingAcknowledgement.of(BindingAckStatus.NOT_LMA_FOR_THIS_MOBILE_NODE, 4713, 0,
                        List.of(MobileNodeIdentifier.nai(NAI),
                                new Redirect(v6("2001:db8::3"), v4("198.51.100.3")),
                                new LoadInformation(7, 1000, 50000, 20, 100)))),
                new Sample("pba-rejected", ProxyBindingAcknowledgement.of(BindingAckStatus.MISSING_HANDOFF_INDICATOR_OPTION, 4714, 0,
                        List.of(MobileNodeIdentifier.nai(NAI), new Timestamp(TIMESTAMP)))),
                new Sample("binding-error", new BindingError(2, v6("2001:db8:1:2::99"), List.of())),
                new Sample("heartbeat-request", Heartbeat.request(0x01020304L, List.of())),
                new Sample("heartbeat-response", Heartbeat.response(0x01020304L, true, List.of(new RestartCounter(RESTART_COUNTER)))),
                new Sample("bri", BindingRevocationIndication.of(RevocationTrigger.ADMINISTRATIVE_REASON, 77, true, true, List.of(
                        MobileNodeIdentifier.nai(NAI),
                        new HomeNetworkPrefixOption(HOME_NETWORK_PREFIX),
                        MobileNodeGroupIdentifier.bulkBindingUpdateGroup(MobileNodeGroupIdentifier.ALL_SESSIONS)))),
                new Sample("bra", BindingRevocationAcknowledgement.of(RevocationStatus.PARTIAL_SUCCESS, 77, true, true, List.of(
                        MobileNodeIdentifier.nai(NAI)))),
                // RFC 6602 group scope as the LMA's admin API sends it: P set, G clear, only the group.
                new Sample("bri-bulk-group", BindingRevocationIndication.of(RevocationTrigger.ADMINISTRATIVE_REASON, 78, true,
                        false, List.of(MobileNodeGroupIdentifier.bulkBindingUpdateGroup(GROUP_ID)))),
                new Sample("bra-bulk-group", BindingRevocationAcknowledgement.of(RevocationStatus.SUCCESS, 78, true, false,
                        List.of(MobileNodeGroupIdentifier.bulkBindingUpdateGroup(GROUP_ID)))),
                new Sample("lri", new LocalizedRoutingInitiation(88, 300, List.of(
                        new HomeNetworkPrefixOption(HOME_NETWORK_PREFIX),
                        MagIpv6Address.of(MAG)))),
                new Sample("lra", LocalizedRoutingAcknowledgement.of(88, LocalizedRoutingStatus.SUCCESS, 300, List.of(
                        new HomeNetworkPrefixOption(HOME_NETWORK_PREFIX),
                        MagIpv6Address.of(MAG)))),
                new Sample("brr-mag-ipv6-address", new BindingRefreshRequest(List.of(MagIpv6Address.of(MAG)))),
                new Sample("upn", UpdateNotification.of(99, true, NotificationReason.FLOW_MOBILITY, List.of(
                        MobileNodeIdentifier.nai(NAI),
                        new FlowSummary(List.of(1, 2, 3)),
                        new FlowIdentification(1, 10, 0, Bytes.EMPTY)))),
                new Sample("upa", UpdateNotificationAcknowledgement.of(99, UpdateNotificationAckStatus.SUCCESS, List.of(
                        MobileNodeIdentifier.nai(NAI)))),
                // Flow Summary / Flow Identification (RFC 6089) in a message tshark 4.0 dissects, unlike UPN.
                new Sample("brr-flow-options", new BindingRefreshRequest(List.of(
                        new FlowSummary(List.of(7, 8)),
                        new FlowIdentification(7, 20, 0, Bytes.EMPTY)))),
                // Service Selection (RFC 5149, type 20) is not modelled, so it travels as an UnknownOption.
                new Sample("brr-unknown-option", new BindingRefreshRequest(List.of(
                        new UnknownOption(20, Bytes.of("internet".getBytes(StandardCharsets.US_ASCII)))))),
                // Home Test Init (RFC 6275 6.1.3, type 1): Reserved (2), Home Init Cookie (8).
                new Sample("unknown-message-hoti", new UnknownMessage(1,
                        Bytes.fromHex("00000102030405060708"))));
    }

    /** The MH types of {@link #all()}, so a test can prove every type is covered. */
    public static Set<Integer> messageTypes() {
        return all().stream().map(s -> s.message().mhType()).collect(Collectors.toSet());
    }

    /** The option types of {@link #all()}. */
    public static Set<Integer> optionTypes() {
        return all().stream().flatMap(s -> s.message().options().stream()).map(MobilityOption::type)
                .collect(Collectors.toSet());
    }

    public static Inet6Address v6(String literal) {
        try {
            return (Inet6Address) InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    public static Inet4Address v4(String literal) {
        try {
            return (Inet4Address) InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
