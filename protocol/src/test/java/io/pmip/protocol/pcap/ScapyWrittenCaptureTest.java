package io.pmip.protocol.pcap;

import io.pmip.protocol.transport.TransportKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pmip.protocol.testsupport.Scapy;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures written by scapy's own pcap writer and link layers, so the framing is checked against
 * an implementation other than our {@link PcapBytes} fixtures.
 */
class ScapyWrittenCaptureTest {
    private static final String WRITE = Scapy.PRELUDE + """
            from scapy.all import Ether, Dot1Q, IP, UDP, Raw, wrpcap, CookedLinux
            from scapy.layers.l2 import CookedLinuxV2
            bu = MIP6MH_BU(seq=9, flags="AP", mhtime=10, options=[mnid("mn9@example.com"), hnp("2001:db8:9::", 64)])
            v6 = IPv6(src="2001:db8::1", dst="2001:db8::2") / bu
            v4 = IP(src="192.0.2.1", dst="198.51.100.2") / UDP(sport=5436, dport=5436) / Raw(bytes(v6)[40:])
            other = IPv6(src="2001:db8::1", dst="2001:db8::2") / UDP(sport=1, dport=53)
            d = sys.argv[1]
            wrpcap(d + "/eth.pcap", [Ether() / Dot1Q(vlan=5) / v6, Ether() / v4, Ether() / other],
                   endianness=">", nano=True)
            wrpcap(d + "/sll.pcap", [CookedLinux() / v6, CookedLinux() / v4, CookedLinux() / other])
            wrpcap(d + "/sll2.pcap", [CookedLinuxV2(proto=0x86dd) / v6, CookedLinuxV2(proto=0x0800) / v4,
                   CookedLinuxV2(proto=0x86dd) / other])
            print(bytes(v6)[40:].hex())
            """;

    @TempDir
    static Path dir;
    private static byte[] mh;

    @BeforeAll
    static void writeCaptures() throws Exception {
        assumeTrue(Scapy.available(), "Debian python3-scapy at " + Scapy.PYTHON);
        mh = HexFormat.of().parseHex(Scapy.run(WRITE, dir.toString()).strip());
    }

    @Test
    void ethernetWithVlanBigEndianNanosecond() throws Exception {
        CaptureResult r = SignalCapture.read(dir.resolve("eth.pcap"));
        assertEquals(LinkType.ETHERNET, r.header().linkType());
        assertEquals(ByteOrder.BIG_ENDIAN, r.header().byteOrder());
        assertTrue(r.header().nanosecondTimestamps());
        assertSignals(r);
    }

    @Test
    void linuxCookedV1() throws Exception {
        CaptureResult r = SignalCapture.read(dir.resolve("sll.pcap"));
        assertEquals(LinkType.LINUX_SLL, r.header().linkType());
        assertSignals(r);
    }

    @Test
    void linuxCookedV2() throws Exception {
        CaptureResult r = SignalCapture.read(dir.resolve("sll2.pcap"));
        assertEquals(LinkType.LINUX_SLL2, r.header().linkType());
        assertSignals(r);
    }

    private static void assertSignals(CaptureResult r) throws Exception {
        assertEquals(List.of(), r.errors());
        assertEquals(3, r.frames());
        assertEquals(1, r.skipped());
        CapturedSignal v6 = r.signals().get(0);
        assertEquals(TransportKind.MH_IPV6, v6.kind());
        assertEquals(InetAddress.getByName("2001:db8::2"), v6.destination());
        assertArrayEquals(mh, v6.mhBytes());
        CapturedSignal v4 = r.signals().get(1);
        assertEquals(TransportKind.UDP_IPV4, v4.kind());
        assertEquals(InetAddress.getByName("192.0.2.1"), v4.source());
        assertEquals(5436, v4.sourcePort());
        assertArrayEquals(mh, v4.mhBytes());
    }
}
