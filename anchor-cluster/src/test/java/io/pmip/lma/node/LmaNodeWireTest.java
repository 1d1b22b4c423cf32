package io.pmip.lma.node;

import io.pmip.protocol.testsupport.Scapy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.lma.PmipTimestamp;
import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.BindingError;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.UnknownMessage;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobileNodeLinkLayerIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.RestartCounter;
import io.pmip.protocol.mh.option.Timestamp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Hand-built and scapy-built Mobility Headers against a real LMA node: what goes back on the wire. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LmaNodeWireTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(700);
    private static final Bytes LINK_LAYER = Bytes.fromHex("020000000c01");
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    private TestNetwork net;
    private LmaNode lma;
    private boolean raw;
    private Path restartCounterFile;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        net = TestNetwork.create();
        raw = RawSockets.available();
        restartCounterFile = dir.resolve("restart-counter");
        Files.writeString(restartCounterFile, "41\n");
        lma = net.run(() -> TestNode.start(dir, raw));
    }

    @AfterAll
    void stop() {
        if (lma != null) {
            lma.close();
        }
        if (net != null) {
            net.close();
        }
    }

    /** Options of a complete initial PBU (RFC 5213 section 6.9.1.1), without a timestamp unless given. */
    private static List<MobilityOption> allOptions(String mnId, boolean withTimestamp) {
        List<MobilityOption> options = new ArrayList<>(List.of(
                MobileNodeIdentifier.nai(mnId),
                new HomeNetworkPrefixOption(Ipv6Prefix.UNSPECIFIED),
                HandoffIndicatorOption.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE),
                AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11),
                new MobileNodeLinkLayerIdentifier(LINK_LAYER)));
        if (withTimestamp) {
            options.add(Timestamp.of(Instant.now()));
        }
        return options;
    }

    private static ProxyBindingUpdate pbu(List<MobilityOption> options) {
        return ProxyBindingUpdate.of(SEQUENCE.incrementAndGet() & 0xffff, 100, options);
    }

    private static ProxyBindingAcknowledgement answerTo(WireClient client, ProxyBindingUpdate pbu)
            throws InterruptedException {
        client.send(pbu);
        return client.expect(ProxyBindingAcknowledgement.class, a -> a.sequence() == pbu.sequence(), WAIT);
    }

    @Test
    void aCompletePbuIsAcceptedWithAnAssignedPrefixAndTheOptionsOfSection536() throws Exception {
        try (WireClient mag = net.run(() -> WireClient.udp("127.0.0.1", lma.udpAddress()))) {
            ProxyBindingUpdate pbu = pbu(allOptions("dave@lab.example", false));
            ProxyBindingAcknowledgement pba = answerTo(mag, pbu);
            assertEquals(0, pba.statusCode());
            assertTrue(pba.proxyRegistration(), "RFC 5213 8.2: P set");
            assertEquals(100, pba.lifetime(), "400 s requested, granted in 4 s units");
            List<HomeNetworkPrefixOption> hnps = pba.optionsOf(HomeNetworkPrefixOption.class);
            assertEquals(1, hnps.size());
            assertTrue(Ipv6Prefix.parse("2001:db8:100::/48").contains(hnps.get(0).prefix()));
            assertEquals(pbu.option(MobileNodeIdentifier.class), pba.option(MobileNodeIdentifier.class));
            assertEquals(LINK_LAYER, pba.option(MobileNodeLinkLayerIdentifier.class).orElseThrow().identifier());
            assertEquals(pbu.option(HandoffIndicatorOption.class), pba.option(HandoffIndicatorOption.class));
            assertEquals(pbu.option(AccessTechnologyTypeOption.class), pba.option(AccessTechnologyTypeOption.class));
        }
    }

    /** RFC 5213 section 5.3.1: each missing mandatory option has its status; 5.3.6: the rest is echoed. */
    @Test
    void missingOptionsAreAnsweredWithTheirStatusAndTheOptionsThatWerePresent() throws Exception {
        try (WireClient mag = net.run(() -> WireClient.udp("127.0.0.1", lma.udpAddress()))) {
            assertMissing(mag, HomeNetworkPrefixOption.class, BindingAckStatus.MISSING_HOME_NETWORK_PREFIX_OPTION);
            assertMissing(mag, MobileNodeIdentifier.class, BindingAckStatus.MISSING_MN_IDENTIFIER_OPTION);
            assertMissing(mag, HandoffIndicatorOption.class, BindingAckStatus.MISSING_HANDOFF_INDICATOR_OPTION);
            assertMissing(mag, AccessTechnologyTypeOption.class, BindingAckStatus.MISSING_ACCESS_TECH_TYPE_OPTION);
        }
        TestNode.awaitMetrics(lma, m -> m.count("rejected", "reason", "validation", "status", "158") >= 1
                && m.count("sent", "type", "PBA", "status", "162") >= 1);
    }

    private static void assertMissing(WireClient mag, Class<? extends MobilityOption> left, BindingAckStatus status)
            throws InterruptedException {
        List<MobilityOption> options = allOptions("erin@lab.example", true);
        options.removeIf(left::isInstance);
        ProxyBindingUpdate pbu = pbu(options);
        ProxyBindingAcknowledgement pba = answerTo(mag, pbu);
        assertEquals(status.code(), pba.statusCode(), "without " + left.getSimpleName());
        assertEquals(0, pba.lifetime());
        assertEquals(options, pba.options(), "RFC 5213 5.3.6: the PBU's options echoed, in order");
    }

    @Test
    void aMagNotInTheMagPeersGets154() throws Exception {
        try (WireClient stranger = net.run(() -> WireClient.udp("127.0.0.3", lma.udpAddress()))) {
            ProxyBindingUpdate pbu = pbu(allOptions("frank@lab.example", false));
            ProxyBindingAcknowledgement pba = answerTo(stranger, pbu);
            assertEquals(BindingAckStatus.MAG_NOT_AUTHORIZED_FOR_PROXY_REG.code(), pba.statusCode());
            assertEquals(pbu.option(MobileNodeIdentifier.class), pba.option(MobileNodeIdentifier.class));
        }
    }

    @Test
    void aTruncatedDatagramIsCountedAndTheNextPbuIsStillAnswered() throws Exception {
        long before = lma.metrics().snapshot().count("malformed", "rule", "TRUNCATED");
        try (WireClient mag = net.run(() -> WireClient.udp("127.0.0.1", lma.udpAddress()))) {
            byte[] whole = mag.encode(pbu(allOptions("gina@lab.example", false)));
            mag.send(Arrays.copyOf(whole, 6));
            assertEquals(0, answerTo(mag, pbu(allOptions("gina@lab.example", false))).statusCode());
        }
        assertEquals(before + 1, lma.metrics().snapshot().count("malformed", "rule", "TRUNCATED"));
    }

    @Test
    void aBadChecksumOverRawIpv6IsCountedAndTheNextPbuIsStillAnswered() throws Exception {
        Assumptions.assumeTrue(raw, "no CAP_NET_RAW");
        long before = lma.metrics().snapshot().count("malformed", "rule", "BAD_CHECKSUM");
        try (WireClient mag = net.run(() -> WireClient.mh(lma.mhAddress()))) {
            ProxyBindingUpdate corrupt = pbu(allOptions("hank@lab.example", false));
            byte[] bytes = mag.encode(corrupt);
            bytes[4] ^= 0x55; // RFC 6275 section 6.1.1: Checksum at offset 4
            mag.send(bytes);
            mag.expectNone(ProxyBindingAcknowledgement.class, a -> a.sequence() == corrupt.sequence(), QUIET);
            assertEquals(0, answerTo(mag, pbu(allOptions("hank@lab.example", false))).statusCode());
        }
        assertEquals(before + 1, lma.metrics().snapshot().count("malformed", "rule", "BAD_CHECKSUM"));
    }

    /** RFC 5847 section 5.2: same sequence, our Restart Counter; the file held 41, so this start is 42. */
    @Test
    void aHeartbeatRequestIsAnsweredWithTheRestartCounter() throws Exception {
        assertEquals(42, lma.restartCounter());
        assertEquals("42", Files.readString(restartCounterFile, StandardCharsets.US_ASCII).trim());
        try (WireClient mag = net.run(() -> WireClient.udp("127.0.0.1", lma.udpAddress()))) {
            mag.send(Heartbeat.request(0xfffffff0L, List.of()));
            Heartbeat response = mag.expect(Heartbeat.class, h -> h.sequence() == 0xfffffff0L, WAIT);
            assertTrue(response.response());
            assertFalse(response.unsolicited());
            assertEquals(42, response.option(RestartCounter.class).orElseThrow().counter());
        }
    }

    /** RFC 6275 section 9.2: an unknown MH Type gets a Binding Error with status 2. */
    @Test
    void anUnknownMobilityHeaderTypeGetsBindingErrorStatus2() throws Exception {
        try (WireClient mag = net.run(() -> WireClient.udp("127.0.0.1", lma.udpAddress()))) {
            mag.send(new UnknownMessage(200, Bytes.of(new byte[2])));
            BindingError error = mag.expect(BindingError.class, e -> true, WAIT);
            assertEquals(2, error.statusCode());
        }
    }

    /** RFC 5213 section 5.3.1 / RFC 6275 section 9.5.1: a home registration without P gets 131. */
    @Test
    void aBindingUpdateWithoutTheProxyFlagIsRefusedAsHomeRegistration() throws Exception {
        try (WireClient mag = net.run(() -> WireClient.udp("127.0.0.1", lma.udpAddress()))) {
            ProxyBindingUpdate bu = ProxyBindingUpdate.fromFlags(SEQUENCE.incrementAndGet(),
                    ProxyBindingUpdate.FLAG_A | ProxyBindingUpdate.FLAG_H, 100, allOptions("ivy@lab.example", false));
            ProxyBindingAcknowledgement ba = answerTo(mag, bu);
            assertEquals(BindingAckStatus.HOME_REGISTRATION_NOT_SUPPORTED.code(), ba.statusCode());
            assertFalse(ba.proxyRegistration());
        }
    }

    /** Scapy (an independent encoder) builds the PBUs; they go to the LMA over raw IPv6 on ::1. */
    @Test
    void scapyBuiltPbusAreAnsweredOverRawIpv6() throws Exception {
        Assumptions.assumeTrue(raw, "no CAP_NET_RAW");
        Assumptions.assumeTrue(Files.isExecutable(Path.of(Scapy.PYTHON)), "no " + Scapy.PYTHON);
        long now = PmipTimestamp.of(Instant.now()).value();
        try (WireClient mag = net.run(() -> WireClient.mh(lma.mhAddress()))) {
            byte[] complete = scapy("MIP6MH_BU(seq=7001, flags='AP', mhtime=25, options=[mnid('jack@lab.example'),"
                    + " hnp('::', 0), hi(1), att(4), timestamp(" + Long.toUnsignedString(now) + ")])");
            mag.send(complete);
            ProxyBindingAcknowledgement pba = mag.expect(ProxyBindingAcknowledgement.class, a -> a.sequence() == 7001, WAIT);
            assertEquals(0, pba.statusCode(), pba.toString());
            assertEquals(25, pba.lifetime());
            assertTrue(Ipv6Prefix.parse("2001:db8:100::/48")
                    .contains(pba.option(HomeNetworkPrefixOption.class).orElseThrow().prefix()));
            assertEquals(now, pba.option(Timestamp.class).orElseThrow().value(), "RFC 5213 5.3.6: timestamp echoed");

            byte[] noHi = scapy("MIP6MH_BU(seq=7002, flags='AP', mhtime=25, options=[mnid('kate@lab.example'),"
                    + " hnp('::', 0), att(4)])");
            mag.send(noHi);
            assertEquals(BindingAckStatus.MISSING_HANDOFF_INDICATOR_OPTION.code(),
                    mag.expect(ProxyBindingAcknowledgement.class, a -> a.sequence() == 7002, WAIT).statusCode());

            byte[] noMnId = scapy("MIP6MH_BU(seq=7003, flags='AP', mhtime=25, options=[hnp('::', 0), hi(1), att(4)])");
            mag.send(noMnId);
            assertEquals(BindingAckStatus.MISSING_MN_IDENTIFIER_OPTION.code(),
                    mag.expect(ProxyBindingAcknowledgement.class, a -> a.sequence() == 7003, WAIT).statusCode());
        }
    }

    /** The Mobility Header scapy builds, with its checksum over ::1 -> ::1 (protocol's test support). */
    private static byte[] scapy(String mhExpression) throws Exception {
        return Scapy.mobilityHeader("::1", "::1", mhExpression).mhBytes();
    }
}
