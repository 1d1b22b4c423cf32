package io.pmip.protocol.codec;

import static io.pmip.protocol.codec.Hex.hex;
import static io.pmip.protocol.codec.MessageVectorsTest.LMA;
import static io.pmip.protocol.codec.MessageVectorsTest.MAG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each decode rule: the error it raises, at which byte, and what lenient mode does instead. */
class DecodeErrorsTest {
    static final DecodeContext STRICT = DecodeContext.ipv4Udp(DecodeMode.STRICT);
    static final DecodeContext LENIENT = DecodeContext.ipv4Udp(DecodeMode.LENIENT);

    static MobilityHeaderDecodeException error(byte[] wire, DecodeContext context) {
        return assertThrows(MobilityHeaderDecodeException.class, () -> MobilityHeaderDecoder.decode(wire, context));
    }

    static void assertError(DecodeRule rule, int offset, byte[] wire, DecodeContext context) {
        MobilityHeaderDecodeException e = error(wire, context);
        assertEquals(rule, e.rule(), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains("byte " + offset), e.getMessage());
    }

    @Test
    void truncated() {
        assertError(DecodeRule.TRUNCATED, 6, hex("3b0000000000"), LENIENT); // byte 6 is the first missing one
        assertError(DecodeRule.TRUNCATED, 0, new byte[0], LENIENT);
    }

    @Test
    void headerLenLongerThanDatagram() {
        // Header Len 1 = 16 octets, only 8 present
        assertError(DecodeRule.BAD_HEADER_LENGTH, 1, hex("3b01000000000000"), LENIENT);
    }

    @Test
    void headerLenTooSmallForMessageType() {
        // PBU needs 12 octets; Header Len 0 gives 8
        assertError(DecodeRule.BAD_HEADER_LENGTH, 1, hex("3b00050000000001"), LENIENT);
    }

    @Test
    void trailingBytesAfterHeaderLen() throws Exception {
        byte[] wire = hex("3b00000000000000", "ffff");
        assertError(DecodeRule.BAD_HEADER_LENGTH, 8, wire, STRICT);
        assertEquals(DecodeRule.BAD_HEADER_LENGTH, MobilityHeaderDecoder.decode(wire, LENIENT).warnings().get(0).rule());
    }

    @Test
    void payloadProtoNot59() throws Exception {
        byte[] wire = hex("06", "00", "00", "00", "0000", "0000");
        assertError(DecodeRule.BAD_PAYLOAD_PROTO, 0, wire, STRICT);
        assertEquals(1, MobilityHeaderDecoder.decode(wire, LENIENT).warnings().size());
    }

    @Test
    void badChecksum() throws Exception {
        byte[] wire = MobilityHeaderEncoder.encode(ProxyBindingUpdate.of(1, 10, List.of()), MAG, LMA);
        wire[11] ^= 1; // change the lifetime after the checksum was computed
        assertError(DecodeRule.BAD_CHECKSUM, 4, wire, DecodeContext.ipv6(MAG, LMA, DecodeMode.LENIENT));
        wire[11] ^= 1;
        // another destination (a swap would not do: the one's complement sum is commutative)
        assertError(DecodeRule.BAD_CHECKSUM, 4, wire, DecodeContext.ipv6(MAG, MessageVectorsTest.v6("2001:db8::3"),
                DecodeMode.LENIENT));
        MobilityHeaderDecoder.decode(wire, DecodeContext.ipv6(MAG, LMA, DecodeMode.STRICT)); // restored: valid
    }

    @Test
    void reservedNotZero() throws Exception {
        byte[] wire = hex("3b", "00", "00", "00", "0000", "0001"); // BRR Reserved = 1
        assertError(DecodeRule.RESERVED_VALUE, 6, wire, STRICT);
        assertEquals(DecodeRule.RESERVED_VALUE, MobilityHeaderDecoder.decode(wire, LENIENT).warnings().get(0).rule());
        assertError(DecodeRule.RESERVED_VALUE, 3, hex("3b", "00", "00", "01", "0000", "0000"), STRICT); // MH Reserved
    }

    @Test
    void optionPastEnd() {
        // BRR, option at 8: Type 2, Length 9 runs to 19 > 16
        assertError(DecodeRule.OPTION_PAST_END, 9, hex("3b01000000000000", "0209000000000000"), LENIENT);
        // lone Type byte at the last octet: no Length
        assertError(DecodeRule.OPTION_PAST_END, 15, hex("3b01000000000000", "0000000000000002"), LENIENT);
    }

    @Test
    void badOptionLength() {
        // Handoff Indicator (23) with Length 3
        assertError(DecodeRule.BAD_OPTION_LENGTH, 9, hex("3b01000000000000", "1703000001000000"), LENIENT);
        // GRE Key (33) with Length 4
        assertError(DecodeRule.BAD_OPTION_LENGTH, 9, hex("3b01000000000000", "2104000000000000"), LENIENT);
    }

    @Test
    void badPrefixLength() {
        // HNP at 12 (8n+4) with Prefix Length 129
        assertError(DecodeRule.BAD_OPTION_VALUE, 15, hex("3b03000000000000", "01020000", "16120081",
                "00000000000000000000000000000000"), LENIENT);
    }

    @Test
    void misalignedHomeNetworkPrefixAsOpmipSendsIt() throws Exception {
        // HNP at offset 8 (8n+0) instead of 8n+4, then PadN to 32
        byte[] wire = hex("3b03000000000000", "16120040", "20010db8000100000000000000000000", "01020000");
        assertError(DecodeRule.MISALIGNED_OPTION, 8, wire, STRICT);
        DecodeResult lenient = MobilityHeaderDecoder.decode(wire, LENIENT);
        assertEquals(List.of(new HomeNetworkPrefixOption(Ipv6Prefix.parse("2001:db8:1::/64"))),
                lenient.message().options());
        assertEquals(DecodeRule.MISALIGNED_OPTION, lenient.warnings().get(0).rule());
        assertEquals(8, lenient.warnings().get(0).offset());
    }

    @Test
    void prefixHostBitsClearedWithWarningInLenientMode() throws Exception {
        byte[] wire = hex("3b03000000000000", "01020000", "16120040", "20010db8000100000000000000000001");
        assertError(DecodeRule.BAD_OPTION_VALUE, 16, wire, STRICT); // 16: first byte of the prefix
        DecodeResult lenient = MobilityHeaderDecoder.decode(wire, LENIENT);
        assertEquals(Ipv6Prefix.parse("2001:db8:1::/64"),
                ((HomeNetworkPrefixOption) lenient.message().options().get(0)).prefix());
    }

    @Test
    void nonZeroPadN() {
        assertError(DecodeRule.RESERVED_VALUE, 10, hex("3b01000000000000", "0106ff0000000000"), STRICT);
    }

    @Test
    void badArguments() {
        assertError(DecodeRule.TRUNCATED, 0, null, LENIENT);
        assertError(DecodeRule.TRUNCATED, 0, new byte[8], null);
        MobilityHeaderDecodeException e = assertThrows(MobilityHeaderDecodeException.class,
                () -> MobilityHeaderDecoder.decode(new byte[8], 4, 8, LENIENT));
        assertEquals(DecodeRule.TRUNCATED, e.rule());
    }

    @Test
    void largestOptionsOfEveryVariableLengthTypeDecode() throws Exception {
        // Length 254 is the most a Flow Summary (127 FIDs) can carry; the model must accept it
        for (int type : new int[] {8, 25, 44, 45, 100}) {
            for (int length : new int[] {254, 255}) {
                if (type == 44 && length == 255) {
                    continue; // odd lengths are wrong for a Flow Summary
                }
                byte[] wire = new byte[272];
                wire[0] = 59;
                wire[1] = (byte) (272 / 8 - 1);
                wire[8] = (byte) type;
                wire[9] = (byte) length;
                int padAt = 10 + length;
                wire[padAt] = 1; // PadN to 272
                wire[padAt + 1] = (byte) (272 - padAt - 2);
                assertEquals(type, MobilityHeaderDecoder.decode(wire, LENIENT).message().options().get(0).type());
            }
        }
    }
}
