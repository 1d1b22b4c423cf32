package io.pmip.protocol.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.codec.DecodeContext;
import io.pmip.protocol.codec.DecodeMode;
import io.pmip.protocol.codec.DecodeResult;
import io.pmip.protocol.codec.MobilityHeaderDecodeException;
import io.pmip.protocol.codec.MobilityHeaderDecoder;
import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.Timestamp;
import io.pmip.protocol.testsupport.Scapy;
import io.pmip.protocol.validation.ProxyBindingUpdateValidator;
import io.pmip.protocol.validation.ValidationResult;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scapy as an independent encoder: Proxy Binding Updates it builds (complete, and each missing
 * one option RFC 5213 5.3.1 makes mandatory) decode with our codec, checksum verified over the
 * addresses scapy used, to exactly what scapy was told; the validator answers each missing option
 * with its RFC 5213 status; and our encoder reproduces scapy's bytes.
 */
class ScapyProxyBindingUpdateTest {
    private static final String MAG = "2001:db8::1";
    private static final String LMA = "2001:db8::2";
    private static final int SEQUENCE = 7;
    private static final int LIFETIME = 100;
    private static final String NAI = "mn1@example.com";
    private static final String PREFIX = "2001:db8:1:2::";
    private static final int PREFIX_LENGTH = 64;
    private static final int HANDOFF_INDICATOR = 1;
    private static final int ACCESS_TECHNOLOGY_TYPE = 4;
    private static final long TIMESTAMP = 0x1122334455667788L;

    /** The five PBUs, built in one Python run (each start costs about a second). */
    private static final String SCRIPT = Scapy.PRELUDE + """
            a = sys.argv
            opts = {"mnid": mnid(a[5]), "hnp": hnp(a[6], int(a[7])), "hi": hi(int(a[8])),
                    "att": att(int(a[9])), "ts": timestamp(int(a[10]))}
            for leave_out in ["none", "mnid", "hnp", "hi", "att"]:
                bu = MIP6MH_BU(seq=int(a[3]), flags="AP", mhtime=int(a[4]),
                               options=[o for k, o in opts.items() if k != leave_out])
                print(leave_out, bytes(IPv6(src=a[1], dst=a[2]) / bu)[40:].hex())
            """;

    private static Map<String, byte[]> built;

    @BeforeAll
    static void buildWithScapy() throws IOException {
        assumeTrue(Scapy.available(), "Debian python3-scapy at " + Scapy.PYTHON);
        String out = Scapy.run(SCRIPT, MAG, LMA, Integer.toString(SEQUENCE), Integer.toString(LIFETIME), NAI, PREFIX,
                Integer.toString(PREFIX_LENGTH), Integer.toString(HANDOFF_INDICATOR),
                Integer.toString(ACCESS_TECHNOLOGY_TYPE), Long.toUnsignedString(TIMESTAMP));
        built = new LinkedHashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            built.put(parts[0], HexFormat.of().parseHex(parts[1]));
        }
        assertEquals(List.of("none", "mnid", "hnp", "hi", "att"), List.copyOf(built.keySet()));
    }

    @Test
    void completePbuDecodesToWhatScapyWasToldAndIsAccepted() throws Exception {
        ProxyBindingUpdate pbu = decode(built.get("none"));
        assertEquals(SEQUENCE, pbu.sequence());
        assertEquals(LIFETIME, pbu.lifetime());
        assertEquals(ProxyBindingUpdate.FLAG_A | ProxyBindingUpdate.FLAG_P, pbu.flags(), "flags='AP'");
        assertEquals(NAI, pbu.option(MobileNodeIdentifier.class).orElseThrow().naiText().orElseThrow());
        assertEquals(MobileNodeIdentifier.SUBTYPE_NAI, pbu.option(MobileNodeIdentifier.class).orElseThrow().subtype());
        assertEquals(Ipv6Prefix.parse(PREFIX + "/" + PREFIX_LENGTH),
                pbu.option(HomeNetworkPrefixOption.class).orElseThrow().prefix());
        assertEquals(HANDOFF_INDICATOR, pbu.option(HandoffIndicatorOption.class).orElseThrow().handoffIndicatorCode());
        assertEquals(ACCESS_TECHNOLOGY_TYPE,
                pbu.option(AccessTechnologyTypeOption.class).orElseThrow().accessTechnologyTypeCode());
        assertEquals(TIMESTAMP, pbu.option(Timestamp.class).orElseThrow().value());
        assertEquals(List.of(8, 22, 23, 24, 27), pbu.options().stream().map(MobilityOption::type).toList());
        assertEquals(new ValidationResult.Accepted(), ProxyBindingUpdateValidator.timestampBased().validate(pbu));
    }

    @Test
    void eachMissingMandatoryOptionGetsItsRfc5213Status() throws Exception {
        Map<String, BindingAckStatus> expected = Map.of(
                "mnid", BindingAckStatus.MISSING_MN_IDENTIFIER_OPTION,
                "hnp", BindingAckStatus.MISSING_HOME_NETWORK_PREFIX_OPTION,
                "hi", BindingAckStatus.MISSING_HANDOFF_INDICATOR_OPTION,
                "att", BindingAckStatus.MISSING_ACCESS_TECH_TYPE_OPTION);
        assertEquals(160, BindingAckStatus.MISSING_MN_IDENTIFIER_OPTION.code());
        assertEquals(158, BindingAckStatus.MISSING_HOME_NETWORK_PREFIX_OPTION.code());
        assertEquals(161, BindingAckStatus.MISSING_HANDOFF_INDICATOR_OPTION.code());
        assertEquals(162, BindingAckStatus.MISSING_ACCESS_TECH_TYPE_OPTION.code());
        for (Map.Entry<String, BindingAckStatus> e : expected.entrySet()) {
            ProxyBindingUpdate pbu = decode(built.get(e.getKey()));
            assertEquals(4, pbu.options().size(), "scapy left out only " + e.getKey());
            ValidationResult result = ProxyBindingUpdateValidator.timestampBased().validate(pbu);
            assertTrue(result instanceof ValidationResult.Rejected r && r.status() == e.getValue(),
                    "without " + e.getKey() + ": " + result);
        }
    }

    /**
     * Both encoders follow RFC 6275 6.2 padding: Pad1 for one octet, PadN otherwise, the fewest
     * octets that reach the next option's xn+y, then padding to a multiple of 8. The one place
     * they may differ is HI/ATT: the scapy helper places them at 2n, our encoder gives them no
     * alignment (RFC 5213 8.4/8.5 state none). In these five PBUs every option before HI and ATT
     * (18-octet MN-ID at 12, 20-octet HNP at 8n+4, 4-octet HI) ends at an even offset, so no such
     * padding arises and the bytes are identical; the test checks that precondition too.
     */
    @Test
    void ourEncoderReproducesScapysBytes() throws Exception {
        for (Map.Entry<String, byte[]> e : built.entrySet()) {
            ProxyBindingUpdate pbu = decode(e.getValue());
            for (RawMobilityHeader.RawOption o : RawMobilityHeader.options(e.getValue())) {
                if (o.type() == 23 || o.type() == 24) {
                    assertEquals(0, o.offset() % 2, "HI/ATT at an even offset in scapy's bytes");
                }
            }
            byte[] ours = MobilityHeaderEncoder.encode(pbu, v6(MAG), v6(LMA));
            assertEquals(HexFormat.of().formatHex(e.getValue()), HexFormat.of().formatHex(ours),
                    "PBU without " + e.getKey());
        }
    }

    /** Strict decoding with the checksum verified over the addresses scapy put in the IPv6 header. */
    private static ProxyBindingUpdate decode(byte[] mh) throws MobilityHeaderDecodeException {
        DecodeResult result = MobilityHeaderDecoder.decode(mh, DecodeContext.ipv6(v6(MAG), v6(LMA), DecodeMode.STRICT));
        assertEquals(List.of(), result.warnings());
        return (ProxyBindingUpdate) result.message();
    }

    private static Inet6Address v6(String literal) {
        try {
            return (Inet6Address) InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
