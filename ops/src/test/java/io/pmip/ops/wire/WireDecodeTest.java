package io.pmip.ops.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.option.RestartCounter;
import io.pmip.protocol.pcap.LinkType;
import io.pmip.protocol.pcap.PcapWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WireDecodeTest {
    static final Path SAMPLE = Path.of("samples/pmipv6-signaling.pcap");
    static final Path MALFORMED = Path.of("samples/malformed.pcap");

    /**
     * A PBU as OPMIP sends it: Handoff Indicator at 12, then the Home Network Prefix at 16 where
     * RFC 5213 8.3 wants 8n+4, PadN to 40 octets.
     */
    static final String MISALIGNED_HNP_PBU = "3b040500" + "0000" + "0001" + "8200" + "0384"
            + "17020001"
            + "16120040" + "20010db8010000010000000000000000"
            + "01020000";

    static List<JsonNode> json(PmipRun run) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : run.lines()) {
            nodes.add(Json.MAPPER.readTree(line));
        }
        return nodes;
    }

    @Test
    void sampleDecodesEveryMessageCleanly() throws IOException {
        PmipRun run = PmipRun.of("wire", "decode", SAMPLE.toString());
        assertEquals(0, run.exit(), run::toString);
        List<JsonNode> lines = json(run);
        List<String> types = lines.stream().map(l -> l.at("/message/type").asText()).toList();
        assertEquals(List.of(
                "ProxyBindingUpdate", "ProxyBindingAcknowledgement", "Heartbeat", "Heartbeat",
                "ProxyBindingUpdate", "ProxyBindingAcknowledgement",
                "BindingRevocationIndication", "BindingRevocationAcknowledgement",
                "ProxyBindingUpdate", "ProxyBindingAcknowledgement", "Heartbeat", "Heartbeat",
                "ProxyBindingUpdate", "ProxyBindingAcknowledgement"), types);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode l = lines.get(i);
            assertEquals(i + 1, l.get("frame").asInt());
            assertEquals("ok", l.get("status").asText(), l::toString);
            assertEquals(0, l.get("warnings").size(), l::toString);
        }
        assertTrue(run.err().contains("14 messages, 0 frame errors"), run::toString);
    }

    @Test
    void sampleShowsFieldsOptionsEnumsAndTransports() throws IOException {
        List<JsonNode> lines = json(PmipRun.of("wire", "decode", SAMPLE.toString()));
        JsonNode pbu = lines.get(0);
        assertEquals("MH_IPV6", pbu.get("transport").asText());
        assertEquals("2001:db8:a1::1", pbu.get("source").asText());
        assertEquals("2001:db8:ffff::1", pbu.get("destination").asText());
        assertEquals("2026-01-15T09:00:00Z", pbu.get("time").asText());
        assertEquals(5, pbu.at("/message/mhType").asInt());
        assertTrue(pbu.at("/message/proxyRegistration").asBoolean());
        assertEquals(900, pbu.at("/message/lifetime").asInt());
        List<String> options = new ArrayList<>();
        pbu.at("/message/options").forEach(o -> options.add(o.get("type").asText() + "/" + o.get("optionType").asInt()));
        assertEquals(List.of("MobileNodeIdentifier/8", "HomeNetworkPrefixOption/22", "HandoffIndicatorOption/23",
                "AccessTechnologyTypeOption/24", "MobileNodeLinkLayerIdentifier/25", "LinkLocalAddress/26",
                "Timestamp/27", "GreKey/33", "Ipv4HomeAddressRequest/36"), options);
        assertEquals("6d6e31406f70657261746f722e6578616d706c65", pbu.at("/message/options/0/identifier").asText());
        assertEquals("::/0", pbu.at("/message/options/1/prefix").asText());
        assertEquals("ATTACHMENT_OVER_NEW_INTERFACE", pbu.at("/message/options/2/handoffIndicator/name").asText());
        assertEquals(1, pbu.at("/message/options/2/handoffIndicator/code").asInt());

        JsonNode pba = lines.get(1);
        assertEquals("ACCEPTED", pba.at("/message/status/name").asText());
        assertEquals(0, pba.at("/message/status/code").asInt());
        assertEquals("2001:db8:100:1::/64", pba.at("/message/options/1/prefix").asText());

        JsonNode handoff = lines.get(4);
        assertEquals("2001:db8:a2::1", handoff.get("source").asText());
        assertEquals(3, handoff.at("/message/options/2/handoffIndicator/code").asInt());

        JsonNode bri = lines.get(6);
        assertEquals(16, bri.at("/message/mhType").asInt());
        assertEquals("INTER_MAG_HANDOVER_SAME_ACCESS_TYPE", bri.at("/message/revocationTrigger/name").asText());

        JsonNode udpPbu = lines.get(8);
        assertEquals("UDP_IPV4", udpPbu.get("transport").asText());
        assertEquals("192.0.2.30", udpPbu.get("source").asText());
        assertEquals(5436, udpPbu.get("destinationPort").asInt());
        assertEquals("192.0.2.30", udpPbu.at("/message/options/5/address").asText());

        JsonNode dereg = lines.get(12);
        assertEquals(0, dereg.at("/message/lifetime").asInt());
    }

    /** The same packets behind an Ethernet II or a Linux cooked (SLL) header decode to the same lines. */
    @Test
    void ethernetAndLinuxCookedCapturesDecodeLikeRawIp(@TempDir Path dir) throws Exception {
        List<String> raw = PmipRun.of("wire", "decode", SAMPLE.toString()).lines();
        for (LinkType linkType : List.of(LinkType.ETHERNET, LinkType.LINUX_SLL)) {
            Path file = dir.resolve(linkType + ".pcap");
            try (OutputStream out = Files.newOutputStream(file); PcapWriter writer = PcapWriter.open(out, linkType)) {
                for (SampleExchange.Frame f : SampleExchange.signaling()) {
                    writer.write(f.time(), withLinkHeader(linkType, f.packet()));
                }
            }
            PmipRun run = PmipRun.of("wire", "decode", file.toString());
            assertEquals(0, run.exit(), run::toString);
            assertEquals(raw, run.lines(), linkType::toString);
        }
    }

    private static byte[] withLinkHeader(LinkType linkType, byte[] packet) {
        int etherType = (packet[0] >> 4) == 6 ? 0x86dd : 0x0800;
        ByteBuffer frame;
        if (linkType == LinkType.ETHERNET) {
            frame = ByteBuffer.allocate(14 + packet.length)
                    .put(HexFormat.of().parseHex("02000000000102000000000a")) // destination, source MAC
                    .putShort((short) etherType);
        } else { // SLL: packet type 0 (to us), ARPHRD_ETHER, address length 6, address, protocol
            frame = ByteBuffer.allocate(16 + packet.length)
                    .putShort((short) 0).putShort((short) 1).putShort((short) 6)
                    .put(HexFormat.of().parseHex("02000000000a0000"))
                    .putShort((short) etherType);
        }
        return frame.put(packet).array();
    }

    @Test
    void committedSamplesAreWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("s.pcap");
        Path bad = dir.resolve("m.pcap");
        PmipRun run = PmipRun.of("wire", "sample", "--out", out.toString(), "--malformed-out", bad.toString());
        assertEquals(0, run.exit(), run::toString);
        assertArrayEquals(Files.readAllBytes(SAMPLE), Files.readAllBytes(out), "regenerate: see samples/README.md");
        assertArrayEquals(Files.readAllBytes(MALFORMED), Files.readAllBytes(bad), "regenerate: see samples/README.md");
    }

    @Test
    void malformedCaptureNamesTheRuleAndExitsOne() throws IOException {
        PmipRun run = PmipRun.of("wire", "decode", MALFORMED.toString());
        assertEquals(1, run.exit(), run::toString);
        List<JsonNode> lines = json(run);
        assertEquals(3, lines.size(), run::toString);
        assertEquals("ok", lines.get(0).get("status").asText());
        JsonNode corrupt = lines.get(1);
        assertEquals("error", corrupt.get("status").asText());
        assertEquals("BAD_CHECKSUM", corrupt.at("/error/rule").asText());
        assertEquals(4, corrupt.at("/error/offset").asInt());
        assertFalse(corrupt.has("message"));
        assertTrue(corrupt.get("bytes").asText().startsWith("3b"), corrupt::toString);
        JsonNode cut = lines.get(2);
        assertEquals(3, cut.get("frame").asInt());
        assertEquals("TRUNCATED_IP_PACKET", cut.at("/error/rule").asText());
    }

    @Test
    void hexWithoutAddressesSkipsTheChecksumAndWithAddressesVerifiesIt() throws IOException {
        byte[] mh = MobilityHeaderEncoder.encode(Heartbeat.response(7, false, List.of(new RestartCounter(2))),
                SampleExchange.MAG1, SampleExchange.LMA);
        String hex = HexFormat.of().formatHex(mh);

        PmipRun bare = PmipRun.of("wire", "decode", "--hex", hex);
        assertEquals(0, bare.exit(), bare::toString);
        JsonNode line = json(bare).get(0);
        assertEquals("MH_IPV6", line.get("transport").asText());
        assertFalse(line.has("source"));
        assertFalse(line.has("frame"));
        assertEquals(7, line.at("/message/sequence").asLong());
        assertEquals(2, line.at("/message/options/0/counter").asLong());

        PmipRun verified = PmipRun.of("wire", "decode", "--hex", hex, "--src", "2001:db8:a1::1", "--dst", "2001:db8:ffff::1");
        assertEquals(0, verified.exit(), verified::toString);
        assertEquals("2001:db8:ffff::1", json(verified).get(0).get("destination").asText());

        PmipRun wrong = PmipRun.of("wire", "decode", "--hex", hex, "--src", "2001:db8:a1::1", "--dst", "2001:db8:ffff::2");
        assertEquals(1, wrong.exit(), wrong::toString);
        assertEquals("BAD_CHECKSUM", json(wrong).get(0).at("/error/rule").asText());
    }

    @Test
    void hexOverUdpIgnoresTheChecksumField() throws IOException {
        String hex = HexFormat.of().formatHex(MobilityHeaderEncoder.encodeForIpv4Udp(Heartbeat.request(9, List.of())));
        PmipRun run = PmipRun.of("wire", "decode", "--transport", "udp", "--hex", hex);
        assertEquals(0, run.exit(), run::toString);
        JsonNode line = json(run).get(0);
        assertEquals("UDP_IPV4", line.get("transport").asText());
        assertEquals("Heartbeat", line.at("/message/type").asText());
    }

    @Test
    void misalignedPrefixWarnsWhenLenientAndFailsWhenStrict() throws IOException {
        PmipRun lenient = PmipRun.of("wire", "decode", "--hex", MISALIGNED_HNP_PBU);
        assertEquals(0, lenient.exit(), lenient::toString);
        JsonNode ok = json(lenient).get(0);
        assertEquals("ok", ok.get("status").asText());
        assertEquals("MISALIGNED_OPTION", ok.at("/warnings/0/rule").asText(), ok::toString);
        assertEquals(16, ok.at("/warnings/0/offset").asInt());
        assertEquals("2001:db8:100:1::/64", ok.at("/message/options/1/prefix").asText());

        PmipRun strict = PmipRun.of("wire", "decode", "--strict", "--hex", MISALIGNED_HNP_PBU);
        assertEquals(1, strict.exit(), strict::toString);
        JsonNode error = json(strict).get(0);
        assertEquals("error", error.get("status").asText());
        assertEquals("MISALIGNED_OPTION", error.at("/error/rule").asText());
        assertEquals(16, error.at("/error/offset").asInt());
    }

    @Test
    void usageErrorsAndUnreadableFilesExitTwoWithoutAStackTrace(@TempDir Path dir) throws IOException {
        Path notPcap = Files.writeString(dir.resolve("notes.txt"), "not a capture at all\n");
        List<String[]> cases = List.of(
                new String[] {"wire", "decode"},
                new String[] {"wire", "decode", dir.resolve("missing.pcap").toString()},
                new String[] {"wire", "decode", notPcap.toString()},
                new String[] {"wire", "decode", "--hex", "zz"},
                new String[] {"wire", "decode", "--hex", "3b00", "--src", "2001:db8::1"},
                new String[] {"wire", "decode", "--hex", "3b00", "--src", "example.com", "--dst", "2001:db8::1"},
                new String[] {"wire", "decode", SAMPLE.toString(), "--src", "2001:db8::1"},
                new String[] {"wire", "decode", "--hex", "3b00", "--transport", "sctp"});
        for (String[] args : cases) {
            PmipRun run = PmipRun.of(args);
            assertEquals(2, run.exit(), () -> String.join(" ", args) + "\n" + run);
            assertFalse(run.err().contains("\tat "), run::toString);
            assertTrue(run.out().isEmpty(), run::toString);
        }
    }

    @Test
    void tooShortHexIsAMessageErrorNotACrash() throws IOException {
        PmipRun run = PmipRun.of("wire", "decode", "--hex", "3b00");
        assertEquals(1, run.exit(), run::toString);
        assertEquals("TRUNCATED", json(run).get(0).at("/error/rule").asText());
    }
}
