package io.pmip.ops.wire;

import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.BindingRevocationAcknowledgement;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.RevocationStatus;
import io.pmip.protocol.mh.RevocationTrigger;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
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
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobileNodeLinkLayerIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.RestartCounter;
import io.pmip.protocol.mh.option.Timestamp;
import io.pmip.protocol.pcap.IpPacketBuilder;
import io.pmip.protocol.pcap.PcapWriter;
import io.pmip.protocol.pcap.SignalExtractor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bundled sample captures: a realistic PMIPv6 signaling exchange between one LMA and three
 * MAGs (two over IPv6, one over the RFC 5844 IPv4/UDP transport), and a second capture with
 * broken frames so decode errors can be seen. Fixed addresses and times make the files
 * reproducible byte for byte.
 */
final class SampleExchange {
    static final Instant START = Instant.parse("2026-01-15T09:00:00Z");

    static final Inet6Address LMA = IpText.ipv6("2001:db8:ffff::1");
    static final Inet6Address MAG1 = IpText.ipv6("2001:db8:a1::1");
    static final Inet6Address MAG2 = IpText.ipv6("2001:db8:a2::1");
    static final Inet4Address LMA_V4 = IpText.ipv4("198.51.100.1");
    static final Inet4Address MAG3_V4 = IpText.ipv4("192.0.2.30");

    private static final Ipv6Prefix MN1_PREFIX = Ipv6Prefix.parse("2001:db8:100:1::/64");
    private static final Ipv6Prefix MN2_PREFIX = Ipv6Prefix.parse("2001:db8:100:2::/64");
    private static final int LIFETIME_1H = 900; // units of 4 s (RFC 6275 6.1.7)

    /** One frame to write: when, and the whole IP packet. */
    record Frame(Instant time, byte[] packet) {
    }

    private final List<Frame> frames = new ArrayList<>();
    private Instant clock = START;

    private SampleExchange() {
    }

    /** The clean exchange: every frame decodes without error or warning. */
    static List<Frame> signaling() {
        SampleExchange x = new SampleExchange();
        MobileNodeIdentifier mn1 = MobileNodeIdentifier.nai("mn1@operator.example");
        MobileNodeLinkLayerIdentifier mn1Mac = new MobileNodeLinkLayerIdentifier(Bytes.fromHex("02005e0010a1"));
        LinkLocalAddress lmaLinkLocal = new LinkLocalAddress(IpText.ipv6("fe80::1"));

        // Initial attach at MAG1 (RFC 5213 6.9.1.1): ::/0 asks the LMA to assign a prefix; IPv4 home
        // address 0.0.0.0 asks for one too (RFC 5844 3.3.1); GRE Key without key asks for GRE (RFC 5845).
        x.ipv6(MAG1, LMA, ProxyBindingUpdate.of(1, LIFETIME_1H, List.of(
                mn1,
                new HomeNetworkPrefixOption(Ipv6Prefix.UNSPECIFIED),
                HandoffIndicatorOption.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE),
                AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11),
                mn1Mac,
                new LinkLocalAddress(IpText.ipv6("::")),
                x.timestamp(),
                GreKey.of(0x1001),
                new Ipv4HomeAddressRequest(0, IpText.ipv4("0.0.0.0")))));
        x.ipv6(LMA, MAG1, ProxyBindingAcknowledgement.of(BindingAckStatus.ACCEPTED, 1, LIFETIME_1H, List.of(
                mn1,
                new HomeNetworkPrefixOption(MN1_PREFIX),
                HandoffIndicatorOption.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE),
                AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11),
                mn1Mac,
                lmaLinkLocal,
                x.timestamp(),
                GreKey.of(0x2001),
                Ipv4HomeAddressReply.of(Ipv4HomeAddressReplyStatus.SUCCESS, 24, IpText.ipv4("10.1.0.10")),
                new Ipv4DefaultRouterAddress(IpText.ipv4("10.1.0.1")),
                new Ipv4DhcpSupportMode(false))));

        // Path supervision (RFC 5847): LMA asks, MAG1 answers with its Restart Counter.
        x.ipv6(LMA, MAG1, Heartbeat.request(41, List.of()));
        x.ipv6(MAG1, LMA, Heartbeat.response(41, false, List.of(new RestartCounter(3))));

        // mn1 moves to MAG2 on the same access (RFC 5213 5.3.1, handoff indicator 3).
        x.ipv6(MAG2, LMA, ProxyBindingUpdate.of(7, LIFETIME_1H, List.of(
                mn1,
                new HomeNetworkPrefixOption(MN1_PREFIX),
                HandoffIndicatorOption.of(HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE),
                AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11),
                mn1Mac,
                lmaLinkLocal,
                x.timestamp())));
        x.ipv6(LMA, MAG2, ProxyBindingAcknowledgement.of(BindingAckStatus.ACCEPTED, 7, LIFETIME_1H, List.of(
                mn1,
                new HomeNetworkPrefixOption(MN1_PREFIX),
                HandoffIndicatorOption.of(HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE),
                AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11),
                mn1Mac,
                lmaLinkLocal,
                x.timestamp())));

        // The LMA revokes MAG1's stale binding (RFC 5846 6.1), MAG1 acknowledges.
        x.ipv6(LMA, MAG1, BindingRevocationIndication.of(RevocationTrigger.INTER_MAG_HANDOVER_SAME_ACCESS_TYPE, 3,
                true, false, List.of(mn1, new HomeNetworkPrefixOption(MN1_PREFIX))));
        x.ipv6(MAG1, LMA, BindingRevocationAcknowledgement.of(RevocationStatus.SUCCESS, 3, true, false,
                List.of(mn1, new HomeNetworkPrefixOption(MN1_PREFIX))));

        // mn2 attaches at MAG3, which reaches the LMA only over IPv4 (RFC 5844 3.1: UDP port 5436,
        // the IPv4 Proxy-CoA in an IPv4 Care-of Address option).
        MobileNodeIdentifier mn2 = MobileNodeIdentifier.nai("mn2@operator.example");
        x.udp(MAG3_V4, LMA_V4, ProxyBindingUpdate.of(1, LIFETIME_1H, List.of(
                mn2,
                new HomeNetworkPrefixOption(Ipv6Prefix.UNSPECIFIED),
                HandoffIndicatorOption.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE),
                AccessTechnologyTypeOption.of(AccessTechnologyType.E_UTRAN_3GPP),
                x.timestamp(),
                new Ipv4CareOfAddress(MAG3_V4),
                new Ipv4HomeAddressRequest(0, IpText.ipv4("0.0.0.0")))));
        x.udp(LMA_V4, MAG3_V4, ProxyBindingAcknowledgement.of(BindingAckStatus.ACCEPTED, 1, LIFETIME_1H, List.of(
                mn2,
                new HomeNetworkPrefixOption(MN2_PREFIX),
                HandoffIndicatorOption.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE),
                AccessTechnologyTypeOption.of(AccessTechnologyType.E_UTRAN_3GPP),
                x.timestamp(),
                new Ipv4CareOfAddress(MAG3_V4),
                Ipv4HomeAddressReply.of(Ipv4HomeAddressReplyStatus.SUCCESS, 24, IpText.ipv4("10.1.0.20")),
                new Ipv4DefaultRouterAddress(IpText.ipv4("10.1.0.1")))));
        x.udp(MAG3_V4, LMA_V4, Heartbeat.request(5, List.of()));
        x.udp(LMA_V4, MAG3_V4, Heartbeat.response(5, false, List.of(new RestartCounter(1))));

        // mn1 detaches from MAG2: Lifetime 0 deregisters (RFC 5213 6.9.1.2).
        x.ipv6(MAG2, LMA, ProxyBindingUpdate.of(8, 0, List.of(
                mn1,
                new HomeNetworkPrefixOption(MN1_PREFIX),
                HandoffIndicatorOption.of(HandoffIndicator.HANDOFF_STATE_UNKNOWN),
                AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11),
                x.timestamp())));
        x.ipv6(LMA, MAG2, ProxyBindingAcknowledgement.of(BindingAckStatus.ACCEPTED, 8, 0, List.of(
                mn1,
                new HomeNetworkPrefixOption(MN1_PREFIX),
                HandoffIndicatorOption.of(HandoffIndicator.HANDOFF_STATE_UNKNOWN),
                AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11),
                x.timestamp())));
        return List.copyOf(x.frames);
    }

    /**
     * A capture with one good frame and the faults decode must name: a Mobility Header whose
     * checksum does not match (BAD_CHECKSUM) and an IPv6 packet cut short (a frame error).
     */
    static List<Frame> malformed() {
        SampleExchange x = new SampleExchange();
        MobileNodeIdentifier mn1 = MobileNodeIdentifier.nai("mn1@operator.example");
        x.ipv6(LMA, MAG1, Heartbeat.request(42, List.of()));
        byte[] pbu = MobilityHeaderEncoder.encode(ProxyBindingUpdate.of(9, LIFETIME_1H, List.of(mn1,
                new HomeNetworkPrefixOption(MN1_PREFIX),
                HandoffIndicatorOption.of(HandoffIndicator.HANDOFF_STATE_NOT_CHANGED),
                AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11), x.timestamp())), MAG1, LMA);
        pbu[6] ^= 0x01; // Sequence # changed after the checksum was computed: a corrupted packet
        x.frame(IpPacketBuilder.ipv6(MAG1, LMA, pbu));
        byte[] truncated = IpPacketBuilder.ipv6(MAG1, LMA, MobilityHeaderEncoder.encode(
                Heartbeat.response(42, false, List.of(new RestartCounter(3))), MAG1, LMA));
        x.frame(Arrays.copyOf(truncated, truncated.length - 8)); // Payload Length now lies
        return List.copyOf(x.frames);
    }

    static void write(List<Frame> frames, OutputStream out) throws IOException {
        try (PcapWriter writer = PcapWriter.open(out)) {
            for (Frame f : frames) {
                writer.write(f.time(), f.packet());
            }
        }
    }

    private void ipv6(Inet6Address source, Inet6Address destination, MobilityMessage message) {
        frame(IpPacketBuilder.ipv6(source, destination, MobilityHeaderEncoder.encode(message, source, destination)));
    }

    private void udp(Inet4Address source, Inet4Address destination, MobilityMessage message) {
        frame(IpPacketBuilder.ipv4Udp(source, SignalExtractor.MIP6_UDP_PORT, destination, SignalExtractor.MIP6_UDP_PORT,
                MobilityHeaderEncoder.encodeForIpv4Udp(message)));
    }

    private void frame(byte[] packet) {
        frames.add(new Frame(clock, packet));
        clock = clock.plus(Duration.ofMillis(250)).plusNanos(1_000 * frames.size()); // distinct microseconds
    }

    /** The Timestamp option (RFC 5213 8.8) for the frame about to be written. */
    private MobilityOption timestamp() {
        return Timestamp.of(clock);
    }
}
