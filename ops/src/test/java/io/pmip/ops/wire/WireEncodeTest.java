package io.pmip.ops.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.protocol.codec.DecodeContext;
import io.pmip.protocol.codec.DecodeMode;
import io.pmip.protocol.codec.MobilityHeaderDecoder;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.pcap.CapturedSignal;
import io.pmip.protocol.pcap.SignalCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WireEncodeTest {

    @Test
    void encodingDecodeOutputReproducesEveryMessageOfTheSample(@TempDir Path dir) throws Exception {
        PmipRun decoded = PmipRun.of("wire", "decode", WireDecodeTest.SAMPLE.toString());
        Path json = Files.writeString(dir.resolve("sample.jsonl"), decoded.out());

        PmipRun hex = PmipRun.of("wire", "encode", "--in", json.toString());
        assertEquals(0, hex.exit(), hex::toString);
        List<CapturedSignal> signals = SignalCapture.read(WireDecodeTest.SAMPLE).signals();
        List<String> expected = signals.stream().map(s -> HexFormat.of().formatHex(s.mhBytes())).toList();
        assertEquals(14, expected.size());
        assertEquals(expected, hex.lines());

        Path pcap = dir.resolve("again.pcap");
        PmipRun capture = PmipRun.withStdin(decoded.out(), "wire", "encode", "--pcap", pcap.toString());
        assertEquals(0, capture.exit(), capture::toString);
        assertArrayEquals(Files.readAllBytes(WireDecodeTest.SAMPLE), Files.readAllBytes(pcap),
                "frames, times, addresses and ports survive decode | encode --pcap");
    }

    @Test
    void aMessageDecodeCouldNotReadIsWrittenBackFromItsBytes() throws Exception {
        PmipRun decoded = PmipRun.of("wire", "decode", "--hex", WireDecodeTest.MISALIGNED_HNP_PBU, "--strict");
        assertEquals(1, decoded.exit());
        PmipRun encoded = PmipRun.withStdin(decoded.out(), "wire", "encode");
        assertEquals(0, encoded.exit(), encoded::toString);
        assertEquals(List.of(WireDecodeTest.MISALIGNED_HNP_PBU), encoded.lines());
    }

    @Test
    void aHandWrittenLineNeedsOnlyItsMessage() throws Exception {
        String line = """
                {"message":{"type":"ProxyBindingAcknowledgement","status":"NOT_LMA_FOR_THIS_MOBILE_NODE",
                 "keyManagementMobilityCapability":false,"mobileRouter":false,"proxyRegistration":true,
                 "tlvHeaderFormat":false,"bulkBindingUpdate":false,"otherFlags":0,"sequence":12,"lifetime":0,
                 "options":[{"optionType":8,"subtype":1,"identifier":"6d6e33"},{"type":"HomeNetworkPrefixOption","prefix":"2001:db8:5::/64"}]}}
                """.replace("\n", "");
        PmipRun run = PmipRun.withStdin(line + "\n", "wire", "encode");
        assertEquals(0, run.exit(), run::toString);
        byte[] mh = HexFormat.of().parseHex(run.lines().get(0));
        // the checksum was computed over the documented default addresses
        var result = MobilityHeaderDecoder.decode(mh, DecodeContext.ipv6(LineEncoder.DEFAULT_IPV6_SOURCE,
                LineEncoder.DEFAULT_IPV6_DESTINATION, DecodeMode.STRICT));
        ProxyBindingAcknowledgement pba = (ProxyBindingAcknowledgement) result.message();
        assertEquals(BindingAckStatus.NOT_LMA_FOR_THIS_MOBILE_NODE, pba.status().orElseThrow());
        assertEquals(12, pba.sequence());
        assertEquals(2, pba.options().size());
    }

    @Test
    void anEditedEnumNameWithAStaleCodeIsRefused() {
        String optionAsMessage = "{\"message\":{\"type\":\"HandoffIndicatorOption\"}}";
        String edited = "{\"message\":{\"type\":\"Heartbeat\",\"otherFlags\":0,\"unsolicited\":false,\"response\":true,"
                + "\"sequence\":1,\"options\":[{\"type\":\"HandoffIndicatorOption\",\"handoffIndicator\":"
                + "{\"name\":\"HANDOFF_STATE_UNKNOWN\",\"code\":1}}]}}";
        PmipRun run = PmipRun.withStdin(edited + "\n" + optionAsMessage + "\n", "wire", "encode");
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.err().contains("line 1: message.options[0].handoffIndicator: HANDOFF_STATE_UNKNOWN is code 4, not 1"), run::toString);
        assertTrue(run.err().contains("line 2: message.type: unknown MobilityMessage \"HandoffIndicatorOption\""), run::toString);
    }

    @Test
    void badJsonGetsAClearErrorAndNothingIsWritten(@TempDir Path dir) throws Exception {
        String good = PmipRun.of("wire", "decode", WireDecodeTest.SAMPLE.toString()).lines().get(2);
        List<String[]> cases = List.of(
                new String[] {"{\"message\": {", "not JSON"},
                new String[] {"[1,2]", "expected a JSON object per line"},
                new String[] {good.replace("\"sequence\":41", "\"sequence\":-1"), "message: Heartbeat: sequence must be 0..4294967295"},
                new String[] {good.replace("\"sequence\":41", "\"sequnce\":41"), "message.sequence: missing (long)"},
                new String[] {good.replace("\"sequence\":41", "\"sequence\":\"41\""), "message.sequence: expected an integer"},
                new String[] {good.replace("\"sequence\":41", "\"sequence\":41,\"sequence\":42"), "not JSON: Duplicate field 'sequence'"},
                new String[] {good.replace("\"type\":\"Heartbeat\"", "\"type\":\"Heartbeat\",\"colour\":1"), "message.colour: not a field of Heartbeat"},
                new String[] {good.replace("\"source\":\"2001:db8:ffff::1\"", "\"source\":\"lma.example\""), "source: not an IPv6 address"},
                new String[] {good.replace("\"mhType\":13", "\"mhType\":5"), "message.mhType: Heartbeat has mhType 13, not 5"},
                new String[] {"{\"message\":{\"mhType\":16,\"options\":[]}}", "mhType 16 is shared by [BindingRevocationIndication, BindingRevocationAcknowledgement]"},
                new String[] {"{\"message\":{\"type\":\"BindingRefreshRequest\",\"options\":[{\"type\":\"HomeNetworkPrefixOption\",\"prefix\":\"2001:db8::1/64\"}]}}",
                        "message.options[0].prefix: IPv6 prefix has bits set past /64"},
                new String[] {"{\"transport\":\"UDP_IPV4\",\"source\":\"2001:db8::1\",\"bytes\":\"00\"}", "source: not an IPv4 address"},
                new String[] {good.replace("\"time\":\"2026-01-15T09:00:00.500003Z\"", "\"time\":\"1960-01-01T00:00:00Z\""),
                        "cannot write to pcap: pcap timestamps cover 1970 to 2106"},
                new String[] {"{\"frame\":3,\"status\":\"error\",\"error\":{\"rule\":\"TRUNCATED_IP_PACKET\"}}", "neither \"message\" nor \"bytes\""});
        for (String[] c : cases) {
            Path pcap = dir.resolve("out.pcap");
            PmipRun run = PmipRun.withStdin(good + "\n" + c[0] + "\n", "wire", "encode", "--pcap", pcap.toString());
            assertEquals(1, run.exit(), () -> c[0] + "\n" + run);
            assertTrue(run.err().contains("line 2: ") && run.err().contains(c[1]), () -> "expected \"" + c[1] + "\"\n" + run);
            assertFalse(run.err().contains("line 1"), run::toString);
            assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run::toString);
            assertFalse(Files.exists(pcap), "nothing is written when a line is bad");
        }
    }

    @Test
    void unreadableInputExitsTwo(@TempDir Path dir) {
        PmipRun run = PmipRun.of("wire", "encode", "--in", dir.resolve("absent.jsonl").toString());
        assertEquals(2, run.exit(), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
    }
}
