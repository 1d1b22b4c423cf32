package io.pmip.protocol.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.conformance.ConformanceCorpus.Sample;
import io.pmip.protocol.conformance.RawMobilityHeader.RawOption;
import io.pmip.protocol.mh.BindingError;
import io.pmip.protocol.mh.BindingRefreshRequest;
import io.pmip.protocol.mh.BindingRevocationAcknowledgement;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.LocalizedRoutingAcknowledgement;
import io.pmip.protocol.mh.LocalizedRoutingInitiation;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.UnknownMessage;
import io.pmip.protocol.mh.UpdateNotification;
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
import io.pmip.protocol.pcap.IpPacketBuilder;
import io.pmip.protocol.pcap.PcapWriter;
import io.pmip.protocol.testsupport.Tshark;
import io.pmip.protocol.testsupport.Tshark.ExpertItem;
import io.pmip.protocol.testsupport.Tshark.Frame;
import io.pmip.protocol.testsupport.Tshark.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every message and option of {@link ConformanceCorpus}, encoded by our codec over both
 * transports (IPv6 Mobility Header and IPv4/UDP port 5436, RFC 5844), judged by tshark 4.0: no
 * malformed or warning expert item, and the mip6.* fields read back equal to the model. Where
 * tshark 4.0 is known to be wrong (/work/shared/reference/README.md) the test pins the exact
 * defect, so a change in tshark or in our bytes shows up, and checks the point itself.
 */
class TsharkConformanceTest {
    private static final int MH_UDP_PORT = 5436; // RFC 5844 section 3.1 (IANA "mip6" over UDP)
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":");
    /** tshark's absolute-time rendering of the Timestamp option (ENC_TIME_MIP6). */
    private static final DateTimeFormatter TSHARK_TIME =
            DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm:ss.SSSSSSSSS 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private record Encoded(Sample sample, boolean udp, byte[] mh, Frame frame) {
        String label() {
            return sample.name() + (udp ? " over IPv4/UDP" : " over IPv6");
        }
    }

    private static Path dir;
    private static List<Encoded> encoded;

    @BeforeAll
    static void dissectCorpus() throws IOException {
        assumeTrue(Tshark.available(), "tshark on PATH");
        dir = Files.createTempDirectory("conformance");
        List<Sample> samples = ConformanceCorpus.all();
        List<byte[]> mhs = new ArrayList<>();
        Path pcap = dir.resolve("corpus.pcap");
        try (OutputStream out = Files.newOutputStream(pcap); PcapWriter w = PcapWriter.open(out)) {
            Instant t = Instant.parse("2026-11-23T12:00:00Z");
            for (Sample s : samples) {
                byte[] mh = MobilityHeaderEncoder.encode(s.message(), ConformanceCorpus.MAG, ConformanceCorpus.LMA);
                mhs.add(mh);
                w.write(t, IpPacketBuilder.ipv6(ConformanceCorpus.MAG, ConformanceCorpus.LMA, mh));
                t = t.plusMillis(1);
            }
            for (Sample s : samples) {
                byte[] mh = MobilityHeaderEncoder.encodeForIpv4Udp(s.message());
                mhs.add(mh);
                w.write(t, IpPacketBuilder.ipv4Udp(ConformanceCorpus.MAG_V4, MH_UDP_PORT, ConformanceCorpus.LMA_V4,
                        MH_UDP_PORT, mh));
                t = t.plusMillis(1);
            }
        }
        List<Frame> frames = Tshark.dissect(pcap);
        assertEquals(2 * samples.size(), frames.size());
        encoded = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            encoded.add(new Encoded(samples.get(i % samples.size()), i >= samples.size(), mhs.get(i), frames.get(i)));
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (dir != null) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void corpusCoversEveryMessageAndOptionRecord() {
        Set<Class<?>> messageClasses = ConformanceCorpus.all().stream().map(s -> s.message().getClass())
                .collect(Collectors.toSet());
        assertEquals(Set.of(MobilityMessage.class.getPermittedSubclasses()), messageClasses);
        Set<Class<?>> optionClasses = ConformanceCorpus.all().stream().flatMap(s -> s.message().options().stream())
                .map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.of(MobilityOption.class.getPermittedSubclasses()), optionClasses);
        assertTrue(ConformanceCorpus.messageTypes().containsAll(Set.of(0, 5, 6, 7, 13, 16, 17, 18, 19, 20)));
    }

    @TestFactory
    Stream<DynamicTest> tsharkReadsEveryMessageOverBothTransports() {
        return encoded.stream().map(e -> DynamicTest.dynamicTest(e.label(), () -> check(e)));
    }

    private static void check(Encoded e) {
        Frame f = e.frame();
        byte[] mh = e.mh();
        assertTrue(f.protocols().contains("mipv6"), f.protocols().toString());
        if (e.udp()) {
            assertEquals(List.of(Integer.toString(MH_UDP_PORT)), Tshark.fieldValues(f, "udp.dstport"));
        }
        checkWhatTsharkNeverChecks(e);
        assertEquals(List.of("59"), values(f, "mip6.proto"));
        assertEquals(List.of(Integer.toString(mh[1] & 0xff)), values(f, "mip6.hlen"));
        assertEquals(List.of(Integer.toString(mh[2] & 0xff)), values(f, "mip6.mhtype"));
        assertEquals(List.of(String.format("0x%02x%02x", mh[4], mh[5])), values(f, "mip6.csum"));

        MobilityMessage m = e.sample().message();
        if (m instanceof LocalizedRoutingInitiation || m instanceof LocalizedRoutingAcknowledgement) {
            checkKnownLocalizedRoutingDefect(e);
            return;
        }
        assertEquals(expectedExpert(m), f.expert(), "expert items of " + e.label());
        assertFalse(Tshark.hasMalformedOrWarning(f) && !containsMagIpv6Address(m));
        // tshark walks the options as we laid them out: same Length bytes in the same order.
        assertEquals(expectedOptionLengths(mh), values(f, "mip6.mobility_opt.len"), "option lengths");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        messageFields(m, mh, expected);
        if (tsharkDissectsOptionsOf(m)) {
            for (MobilityOption o : m.options()) {
                optionFields(o, expected);
            }
        }
        for (Map.Entry<String, List<String>> field : expected.entrySet()) {
            assertEquals(field.getValue(), values(f, field.getKey()), field.getKey() + " in " + e.label());
        }
    }

    /** RFC 6275 6.1.1 and 6.2: the checks tshark 4.0 leaves out, done on our bytes. */
    private static void checkWhatTsharkNeverChecks(Encoded e) {
        byte[] mh = e.mh();
        assertEquals(0, mh.length % 8, "MH length is a multiple of 8 octets");
        assertEquals(mh.length / 8 - 1, mh[1] & 0xff, "Header Len");
        if (e.udp()) {
            assertEquals(0, ((mh[4] & 0xff) << 8) | (mh[5] & 0xff), "Checksum is 0 over IPv4/UDP (project decision)");
        } else {
            assertTrue(RawMobilityHeader.checksumVerifies(ConformanceCorpus.MAG.getAddress(),
                    ConformanceCorpus.LMA.getAddress(), mh), "checksum over the IPv6 pseudo-header");
        }
        if (RawMobilityHeader.optionsStart(mh[2] & 0xff) < 0) {
            return;
        }
        List<RawOption> raw = RawMobilityHeader.options(mh);
        List<Integer> types = new ArrayList<>();
        for (RawOption o : raw) {
            int[] rule = RawMobilityHeader.alignment(o.type());
            if (rule != null) {
                assertEquals(rule[1], o.offset() % rule[0],
                        "option " + o.type() + " at offset " + o.offset() + " breaks " + rule[0] + "n+" + rule[1]);
            }
            if (!o.isPadding()) {
                types.add(o.type());
            }
        }
        assertEquals(e.sample().message().options().stream().map(MobilityOption::type).toList(), types,
                "option types in wire order");
    }

    /**
     * tshark 4.0 reads LRI/LRA (MH types 17/18) from MH offset 0, so Sequence shows Payload Proto
     * and Header Len, Lifetime shows the Checksum, and the option walk starts at offset 6. Our
     * own reading of the RFC 6705 11.2/11.3 layout is done on the bytes instead.
     */
    private static void checkKnownLocalizedRoutingDefect(Encoded e) {
        Frame f = e.frame();
        byte[] mh = e.mh();
        String prefix = mh[2] == 17 ? "mip6.lri." : "mip6.lra.";
        assertEquals(List.of(Integer.toString(u16(mh, 0))), values(f, prefix + "sequence"), "defect: Sequence = bytes 0-1");
        assertEquals(List.of(String.format("0x%04x", u16(mh, 4))), values(f, prefix + "lifetime"), "defect: Lifetime = Checksum");
        // Option walk from offset 6 hits a 0 (Pad1), then our Sequence's low byte as an option type
        // tshark does not know; only a Note, so the dissection looks clean while being wrong.
        assertEquals(List.of(new ExpertItem(Severity.NOTE, "undecoded", "IE data not dissected yet", "mip6.ie_not_dissected")),
                f.expert(), "the known defect, unchanged");
        assertFalse(Tshark.hasMalformedOrWarning(f));

        if (e.sample().message() instanceof LocalizedRoutingInitiation lri) {
            assertEquals(lri.sequence(), u16(mh, 6));
            assertEquals(0, u16(mh, 8), "Reserved");
            assertEquals(lri.lifetimeSeconds(), u16(mh, 10));
        } else if (e.sample().message() instanceof LocalizedRoutingAcknowledgement lra) {
            assertEquals(lra.sequence(), u16(mh, 6));
            assertEquals(lra.flags(), mh[8] & 0xff);
            assertEquals(lra.statusCode(), mh[9] & 0xff);
            assertEquals(lra.lifetimeSeconds(), u16(mh, 10));
        }
    }

    /** tshark 4.0 has no dissector for UPN/UPA (RFC 7077): their options stay raw message data. */
    private static boolean tsharkDissectsOptionsOf(MobilityMessage m) {
        return !(m instanceof UpdateNotification || m instanceof UpdateNotificationAcknowledgement);
    }

    private static boolean containsMagIpv6Address(MobilityMessage m) {
        return m.options().stream().anyMatch(MagIpv6Address.class::isInstance);
    }

    /**
     * Expert items tshark 4.0 raises on correct bytes: the MAG IPv6 Address option's RFC 6705
     * Length 18 is flagged as "should be 16" (known defect), and the RFC 6089 Flow options have
     * no dissector (Note only).
     */
    private static List<ExpertItem> expectedExpert(MobilityMessage m) {
        List<ExpertItem> items = new ArrayList<>();
        if (!tsharkDissectsOptionsOf(m)) {
            return items;
        }
        for (MobilityOption o : m.options()) {
            if (o instanceof MagIpv6Address) {
                items.add(new ExpertItem(Severity.WARN, "protocol",
                        "MAG IPv6 Address (with option length = 18 bytes; should be 16)", "mip6.opt.len.invalid"));
            } else if (o instanceof FlowSummary || o instanceof FlowIdentification) {
                items.add(new ExpertItem(Severity.NOTE, "undecoded", "IE data not dissected yet", "mip6.ie_not_dissected"));
            }
        }
        return items;
    }

    /**
     * The Length byte of every option but Pad1, as tshark lists them; for types 42..45, which
     * tshark 4.0 does not dissect, it prints the MH Header Len byte instead (known defect).
     */
    private static List<String> expectedOptionLengths(byte[] mh) {
        if (RawMobilityHeader.optionsStart(mh[2] & 0xff) < 0 || mh[2] == 19 || mh[2] == 20) {
            return List.of(); // not dissected by tshark 4.0: no option walk at all
        }
        List<String> lengths = new ArrayList<>();
        for (RawOption o : RawMobilityHeader.options(mh)) {
            if (o.type() == 0) {
                continue;
            }
            int shown = o.type() >= 42 && o.type() <= 45 ? mh[1] & 0xff : o.length();
            lengths.add(Integer.toString(shown));
        }
        return lengths;
    }

    private static void messageFields(MobilityMessage m, byte[] mh, Map<String, List<String>> x) {
        if (m instanceof BindingRefreshRequest) {
            put(x, "mip6.binding_refresh_request", "00:00");
            return;
        }
        if (m instanceof ProxyBindingUpdate pbu) {
            put(x, "mip6.bu.seqnr", pbu.sequence());
            put(x, "mip6.bu.a_flag", bit(pbu.acknowledge()));
            put(x, "mip6.bu.h_flag", bit(pbu.homeRegistration()));
            put(x, "mip6.bu.l_flag", bit(pbu.linkLocalAddressCompatibility()));
            put(x, "mip6.bu.k_flag", bit(pbu.keyManagementMobilityCapability()));
            put(x, "mip6.bu.m_flag", bit(pbu.mapRegistration()));
            put(x, "mip6.nemo.bu.r_flag", bit(pbu.mobileRouter()));
            put(x, "mip6.bu.p_flag", bit(pbu.proxyRegistration()));
            put(x, "mip6.bu.f_flag", bit(pbu.forcingUdpEncapsulation()));
            put(x, "mip6.bu.t_flag", bit(pbu.tlvHeaderFormat()));
            put(x, "mip6.bu.b_flag", bit(pbu.bulkBindingUpdate()));
            put(x, "mip6.bu.lifetime", pbu.lifetime());
            return;
        }
        if (m instanceof ProxyBindingAcknowledgement pba) {
            put(x, "mip6.ba.status", pba.statusCode());
            put(x, "mip6.ba.k_flag", bit(pba.keyManagementMobilityCapability()));
            put(x, "mip6.nemo.ba.r_flag", bit(pba.mobileRouter()));
            put(x, "mip6.ba.p_flag", bit(pba.proxyRegistration()));
            put(x, "mip6.ba.t_flag", bit(pba.tlvHeaderFormat()));
            put(x, "mip6.ba.b_flag", bit(pba.bulkBindingUpdate()));
            put(x, "mip6.ba.seqnr", pba.sequence());
            put(x, "mip6.ba.lifetime", pba.lifetime());
            return;
        }
        if (m instanceof BindingError be) {
            put(x, "mip6.be.status", be.statusCode());
            put(x, "mip6.be.haddr", Ipv6Prefix.formatAddress(be.homeAddress().getAddress()));
            return;
        }
        if (m instanceof Heartbeat hb) {
            put(x, "mip6.hb.u_flag", bit(hb.unsolicited()));
            put(x, "mip6.hb.r_flag", bit(hb.response()));
            put(x, "mip6.hb.seqnr", hb.sequence());
            return;
        }
        if (m instanceof BindingRevocationIndication bri) {
            put(x, "mip6.bri_br.type", BindingRevocationIndication.BR_TYPE);
            put(x, "mip6.bri_r.trigger", bri.revocationTriggerCode());
            put(x, "mip6.bri_seqnr", bri.sequence());
            put(x, "mip6.bri_ip", bit(bri.proxyBinding()));
            put(x, "mip6.bri_iv", bit(bri.ipv4HomeAddressBindingOnly()));
            put(x, "mip6.bri_ig", bit(bri.global()));
            return;
        }
        if (m instanceof BindingRevocationAcknowledgement bra) {
            put(x, "mip6.bri_br.type", BindingRevocationAcknowledgement.BR_TYPE);
            put(x, "mip6.bri_status", bra.statusCode());
            put(x, "mip6.bri_seqnr", bra.sequence());
            put(x, "mip6.bri_ap", bit(bra.proxyBinding()));
            put(x, "mip6.bri_av", bit(bra.ipv4HomeAddressBindingOnly()));
            put(x, "mip6.bri_ag", bit(bra.global()));
            return;
        }
        if (m instanceof UpdateNotification upn) {
            // tshark 4.0 has no UPN dissector: it shows the message data raw; check our
            // RFC 7077 4.1 layout on it.
            put(x, "mip6.unknown_type_data", COLON_HEX.formatHex(Arrays.copyOfRange(mh, 6, mh.length)));
            assertEquals(upn.sequence(), u16(mh, 6));
            assertEquals(upn.flags(), mh[8] & 0xff);
            assertEquals(upn.notificationReasonCode(), mh[9] & 0xff);
            return;
        }
        if (m instanceof UpdateNotificationAcknowledgement upa) {
            put(x, "mip6.unknown_type_data", COLON_HEX.formatHex(Arrays.copyOfRange(mh, 6, mh.length)));
            assertEquals(upa.sequence(), u16(mh, 6));
            assertEquals(upa.statusCode(), mh[8] & 0xff);
            assertEquals(0, mh[9], "Reserved, RFC 7077 4.2");
            return;
        }
        if (m instanceof UnknownMessage unknown) {
            assertEquals(1, unknown.mhType(), "the corpus carries a Home Test Init");
            put(x, "mip6.hoti.cookie", "0x" + unknown.body().toHex().substring(4));
            return;
        }
        throw new AssertionError("no field expectations for " + m);
    }

    private static void optionFields(MobilityOption o, Map<String, List<String>> x) {
        if (o instanceof MobileNodeIdentifier id) {
            put(x, "mip6.mnid.subtype", id.subtype());
            put(x, "mip6.mnid.identifier", id.naiText().orElseThrow());
            return;
        }
        if (o instanceof HomeNetworkPrefixOption hnp) {
            put(x, "mip6.nemo.mnp.pfl", hnp.prefix().length());
            put(x, "mip6.nemo.mnp.mnp", Ipv6Prefix.formatAddress(hnp.prefix().address()));
            return;
        }
        if (o instanceof HandoffIndicatorOption hi) {
            put(x, "mip6.hi", hi.handoffIndicatorCode());
            return;
        }
        if (o instanceof AccessTechnologyTypeOption att) {
            put(x, "mip6.att", att.accessTechnologyTypeCode());
            return;
        }
        if (o instanceof MobileNodeLinkLayerIdentifier lli) {
            put(x, "mip6.mnlli.lli", COLON_HEX.formatHex(lli.identifier().toArray()));
            return;
        }
        if (o instanceof LinkLocalAddress lla) {
            put(x, "mip6.lila_lla", Ipv6Prefix.formatAddress(lla.address().getAddress()));
            return;
        }
        if (o instanceof Timestamp ts) {
            put(x, "mip6.timestamp_tmp", TSHARK_TIME.format(ts.toInstant()));
            return;
        }
        if (o instanceof GreKey gre) {
            put(x, "mip6.gre_key", gre.key());
            return;
        }
        if (o instanceof Ipv4HomeAddressRequest req) {
            put(x, "mip6.ipv4ha.preflen", req.prefixLength());
            put(x, "mip6.ipv4ha.ha", req.address().getHostAddress());
            return;
        }
        if (o instanceof Ipv4HomeAddressReply rep) {
            put(x, "mip6.ipv4aa.sts", rep.statusCode());
            put(x, "mip6.ipv4ha.preflen", rep.prefixLength());
            put(x, "mip6.ipv4ha.ha", rep.address().getHostAddress());
            return;
        }
        if (o instanceof Ipv4CareOfAddress coa) {
            put(x, "mip6.ipv4coa.addr", coa.address().getHostAddress());
            return;
        }
        if (o instanceof Ipv4DefaultRouterAddress dra) {
            put(x, "mip6.ipv4dra.dra", dra.address().getHostAddress());
            return;
        }
        if (o instanceof Ipv4DhcpSupportMode dsm) {
            put(x, "mip6.ipv4dsm.s_flag", bit(dsm.dhcpServer()));
            return;
        }
        if (o instanceof AlternateCareOfAddress acoa) {
            put(x, "mip6.acoa.acoa", Ipv6Prefix.formatAddress(acoa.address().getAddress()));
            return;
        }
        if (o instanceof AlternateIpv4CareOfAddress alt) {
            put(x, "mip6.alt_ip4", alt.address().getHostAddress());
            return;
        }
        if (o instanceof RedirectCapability) {
            put(x, "mip6.recap.reserved", "0x0000");
            return;
        }
        if (o instanceof BindingRefreshAdvice bra) {
            put(x, "mip6.bra.interval", bra.refreshInterval());
            return;
        }
        if (o instanceof Redirect r) {
            put(x, "mip6.redir.k", bit(r.k()));
            put(x, "mip6.redir.n", bit(r.n()));
            put(x, "mip6.redir.addr_r2lma_ipv6", Ipv6Prefix.formatAddress(r.ipv6Address().getAddress()));
            put(x, "mip6.redir.addr_r2lma_ipv4", r.ipv4Address().getHostAddress());
            return;
        }
        if (o instanceof LoadInformation load) {
            put(x, "mip6.load_inf.priority", load.priority());
            put(x, "mip6.load_inf.sessions_in_use", load.sessionsInUse());
            put(x, "mip6.load_inf.maximum_sessions", load.maximumSessions());
            put(x, "mip6.load_inf.used_capacity", load.usedCapacity());
            put(x, "mip6.load_inf.maximum_capacity", load.maximumCapacity());
            return;
        }
        if (o instanceof MobileNodeGroupIdentifier group) {
            put(x, "mip6.mng.sub_type", group.subtype());
            put(x, "mip6.mng.mng_id", group.groupIdentifier());
            return;
        }
        if (o instanceof RestartCounter rc) {
            put(x, "mip6.rc", rc.counter());
            return;
        }
        if (o instanceof MagIpv6Address mag) {
            put(x, "mip6.mag_ipv6.address_length", mag.addressLength());
            put(x, "mip6.mag_ipv6.address", Ipv6Prefix.formatAddress(mag.address().getAddress()));
            return;
        }
        if (o instanceof UnknownOption unknown) {
            assertEquals(20, unknown.optionType(), "the corpus carries Service Selection (RFC 5149)");
            put(x, "mip6.ss.identifier", new String(unknown.data().toArray(), StandardCharsets.UTF_8));
            return;
        }
        if (o instanceof FlowSummary) {
            put(x, "mip6.mobility_opt", FlowSummary.TYPE);
            return;
        }
        if (o instanceof FlowIdentification) {
            put(x, "mip6.mobility_opt", FlowIdentification.TYPE);
            return;
        }
        throw new AssertionError("no field expectations for " + o);
    }

    private static void put(Map<String, List<String>> x, String field, Object value) {
        x.computeIfAbsent(field, k -> new ArrayList<>()).add(value.toString());
    }

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static List<String> values(Frame f, String field) {
        return Tshark.fieldValues(f, field);
    }
}
