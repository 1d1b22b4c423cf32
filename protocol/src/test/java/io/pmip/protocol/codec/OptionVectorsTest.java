package io.pmip.protocol.codec;

import static io.pmip.protocol.codec.Hex.hex;
import static io.pmip.protocol.codec.MessageVectorsTest.assertRoundTrip;
import static io.pmip.protocol.codec.MessageVectorsTest.v4;
import static io.pmip.protocol.codec.MessageVectorsTest.v6;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pmip.protocol.Bytes;
import io.pmip.protocol.mh.BindingRefreshRequest;
import io.pmip.protocol.mh.option.AlternateCareOfAddress;
import io.pmip.protocol.mh.option.AlternateIpv4CareOfAddress;
import io.pmip.protocol.mh.option.FlowIdentification;
import io.pmip.protocol.mh.option.FlowSummary;
import io.pmip.protocol.mh.option.GreKey;
import io.pmip.protocol.mh.option.Ipv4CareOfAddress;
import io.pmip.protocol.mh.option.Ipv4DhcpSupportMode;
import io.pmip.protocol.mh.option.Ipv4HomeAddressRequest;
import io.pmip.protocol.mh.option.LinkLocalAddress;
import io.pmip.protocol.mh.option.LoadInformation;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobileNodeLinkLayerIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.Redirect;
import io.pmip.protocol.mh.option.RedirectCapability;
import io.pmip.protocol.mh.option.Timestamp;
import io.pmip.protocol.mh.option.UnknownOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each option not already covered by {@link MessageVectorsTest}, alone in a Binding Refresh
 * Request whose options start at MH offset 8 (8n+0), so the padding before it is its alignment.
 */
class OptionVectorsTest {
    /** Header of a Binding Refresh Request of {@code octets} total: Payload Proto, Header Len, Type 0, Reserved, Checksum 0, Reserved. */
    static String brr(int octets) {
        return String.format("3b%02x000000000000", octets / 8 - 1);
    }

    static void assertOption(MobilityOption option, int octets, String... optionBytes) throws Exception {
        String[] all = new String[optionBytes.length + 1];
        all[0] = brr(octets);
        System.arraycopy(optionBytes, 0, all, 1, optionBytes.length);
        assertRoundTrip(new BindingRefreshRequest(List.of(option)), hex(all));
    }

    @Test
    void alternateCareOfAddressAt8nPlus6() throws Exception {
        assertOption(new AlternateCareOfAddress(v6("2001:db8::7")), 32,
                "01", "04", "00000000", // 8 PadN 4
                "03", "10", "20010db8000000000000000000000007"); // 14 Type 3, Length 16, address (RFC 6275 6.2.5)
    }

    @Test
    void linkLocalAddressAt8nPlus6() throws Exception {
        assertOption(new LinkLocalAddress(v6("fe80::1")), 32,
                "01", "04", "00000000", // 8 PadN 4
                "1a", "10", "fe800000000000000000000000000001"); // 14 Type 26, Length 16 (RFC 5213 8.7)
    }

    @Test
    void mobileNodeLinkLayerIdentifierPlacedAt8nPlus4() throws Exception {
        assertOption(new MobileNodeLinkLayerIdentifier(Bytes.fromHex("001122334455")), 24,
                "01", "02", "0000", // 8 PadN 2
                "19", "08", "0000", "001122334455", // 12 Type 25, Length 8, Reserved, MAC-48 (RFC 5213 8.6)
                "01", "00"); // 22 PadN 0 to 24
    }

    @Test
    void mobileNodeIdentifierOtherSubtypeKept() throws Exception {
        assertOption(new MobileNodeIdentifier(3, Bytes.fromHex("2143658709")), 16,
                "08", "06", "03", "2143658709"); // 8 Type 8, Length 6, Subtype 3 (IMSI, RFC 8371), id; ends at 16
    }

    @Test
    void ipv4CareOfAddressAt4n() throws Exception {
        assertOption(new Ipv4CareOfAddress(v4("192.0.2.1")), 16,
                "20", "06", "0000", "c0000201"); // 8 Type 32, Length 6, Reserved, 192.0.2.1 (RFC 5844)
    }

    @Test
    void greKeyWithoutKey() throws Exception {
        assertOption(GreKey.withoutKey(), 16,
                "21", "02", "0000", // 8 Type 33, Length 2, Reserved: no key (RFC 5845 5.1)
                "01", "02", "0000"); // 12 PadN 2
    }

    @Test
    void ipv4HomeAddressRequestAllocate() throws Exception {
        assertOption(new Ipv4HomeAddressRequest(32, v4("0.0.0.0")), 16,
                "24", "06", "8000", "00000000"); // 8 Type 36, Length 6, Prefix-len 32 in the top 6 bits, 0.0.0.0
    }

    @Test
    void ipv4DhcpSupportModeServer() throws Exception {
        assertOption(new Ipv4DhcpSupportMode(true), 16,
                "27", "02", "0001", // 8 Type 39, Length 2, 15 reserved bits, S=1 last (RFC 5844 3.3.4)
                "01", "02", "0000");
    }

    @Test
    void redirectCapability() throws Exception {
        assertOption(new RedirectCapability(), 16,
                "2e", "02", "0000", // 8 Type 46, Length 2, Reserved (RFC 6463)
                "01", "02", "0000");
    }

    @Test
    void redirectWithBothAddresses() throws Exception {
        Redirect r = new Redirect(v6("2001:db8::2"), v4("192.0.2.2"));
        assertEquals(true, r.k());
        assertOption(r, 32,
                "2f", "16", "c000", // 8 Type 47, Length 22, K|N, 14 reserved bits (RFC 6463)
                "20010db8000000000000000000000002", // 12 IPv6 r2LMA
                "c0000202"); // 28 IPv4 r2LMA; ends at 32
    }

    @Test
    void loadInformation() throws Exception {
        assertOption(new LoadInformation(1, 10, 100, 20, 200), 32,
                "30", "12", "0001", // 8 Type 48, Length 18, Priority 1 (RFC 6463)
                "0000000a", "00000064", "00000014", "000000c8", // 12 sessions in use/max, capacity used/max
                "01", "02", "0000"); // 28 PadN 2
    }

    @Test
    void alternateIpv4CareOfAddressAt4nPlus2() throws Exception {
        assertOption(new AlternateIpv4CareOfAddress(v4("192.0.2.3")), 16,
                "01", "00", // 8 PadN 0
                "31", "04", "c0000203"); // 10 Type 49, Length 4, address (RFC 6463)
    }

    @Test
    void flowSummaryAndIdentification() throws Exception {
        assertOption(new FlowSummary(List.of(1, 2)), 16,
                "2c", "04", "0001", "0002", // 8 Type 44, Length 4, FIDs 1 and 2 (RFC 6089 4.2)
                "01", "00");
        assertOption(new FlowIdentification(1, 10, 0, Bytes.EMPTY), 16,
                "2d", "06", "0001", "000a", "00", "00"); // 8 Type 45, FID 1, FID-PRI 10, Reserved, Status 0
    }

    @Test
    void unknownOptionKeptRaw() throws Exception {
        assertOption(new UnknownOption(100, Bytes.fromHex("ab")), 16,
                "64", "01", "ab", // 8 Type 100, Length 1, data
                "01", "03", "000000"); // 11 PadN 3 to 16
    }

    @Test
    void timestampConvertsToAndFromInstant() {
        Timestamp t = Timestamp.of(Instant.parse("2023-11-14T22:13:20.5Z"));
        assertEquals(0x00006553f1008000L, t.value()); // 1700000000 s = 0x6553f100, .5 s = 0x8000
        assertEquals(Instant.parse("2023-11-14T22:13:20.5Z"), t.toInstant());
    }
}
