package io.pmip.protocol.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pmip.protocol.pcap.IpPacketBuilder;
import io.pmip.protocol.pcap.PcapWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsharkTest {
    @TempDir
    Path dir;

    /** Built once: each scapy run costs a Python start-up. */
    private static Scapy.ScapyMh pbu;

    @BeforeAll
    static void needsTools() throws IOException {
        assumeTrue(Tshark.available(), "tshark on PATH");
        assumeTrue(Scapy.available(), "Debian python3-scapy at " + Scapy.PYTHON);
        pbu = Scapy.proxyBindingUpdate(Scapy.ProxyBindingUpdate.example());
    }

    @Test
    void dissectsAScapyProxyBindingUpdateOverBothTransports() throws IOException {
        Path file = write(
                IpPacketBuilder.ipv6(pbu.source(), pbu.destination(), pbu.mhBytes()),
                IpPacketBuilder.ipv4Udp(v4("192.0.2.1"), 5436, v4("198.51.100.2"), 5436, pbu.mhBytes()));

        List<Tshark.Frame> frames = Tshark.dissect(file);
        assertEquals(2, frames.size());
        for (Tshark.Frame f : frames) {
            assertTrue(f.protocols().contains("mipv6"), f.protocols().toString());
            assertEquals(List.of("5"), Tshark.fieldValues(f, "mip6.mhtype"));
            assertEquals(List.of("7"), Tshark.fieldValues(f, "mip6.bu.seqnr"));
            assertEquals(List.of("1"), Tshark.fieldValues(f, "mip6.bu.p_flag"));
            assertEquals(List.of("mn1@example.com"), Tshark.fieldValues(f, "mip6.mnid.identifier"));
            assertEquals(List.of("2001:db8:1:2::"), Tshark.fieldValues(f, "mip6.nemo.mnp.mnp"));
            assertEquals(List.of("1"), Tshark.fieldValues(f, "mip6.hi"));
            assertEquals(List.of("4"), Tshark.fieldValues(f, "mip6.att"));
            assertEquals(List.of(), f.expert());
            assertFalse(Tshark.hasMalformedOrWarning(f));
        }
        assertEquals(List.of("5436"), Tshark.fieldValues(frames.get(1), "udp.dstport"));
    }

    @Test
    void reportsMalformedAndWarningExpertItems() throws IOException {
        byte[] truncated = Arrays.copyOf(pbu.mhBytes(), 8);
        byte[] shortHeaderLen = pbu.mhBytes();
        // Header Len 1 (16 bytes) cuts the MN-Identifier option short.
        shortHeaderLen[1] = 1;
        Path file = write(IpPacketBuilder.ipv6(pbu.source(), pbu.destination(), truncated),
                IpPacketBuilder.ipv6(pbu.source(), pbu.destination(), shortHeaderLen));

        List<Tshark.Frame> frames = Tshark.dissect(file);
        Tshark.Frame malformed = frames.get(0);
        assertTrue(Tshark.hasMalformedOrWarning(malformed));
        assertTrue(malformed.protocols().contains("_ws.malformed"));
        assertTrue(malformed.expert().stream().anyMatch(
                e -> e.severity() == Tshark.Severity.ERROR && e.group().equals("malformed")), malformed.expert().toString());

        Tshark.Frame warned = frames.get(1);
        assertTrue(Tshark.hasMalformedOrWarning(warned));
        assertTrue(warned.expert().stream().anyMatch(e -> e.severity() == Tshark.Severity.WARN
                && e.group().equals("protocol") && e.field().equals("mip6.opt.len.invalid")), warned.expert().toString());
    }

    @Test
    void fieldsModeGivesOneRowPerFrame() throws IOException {
        Scapy.ScapyMh hb = Scapy.mobilityHeader("2001:db8::a", "2001:db8::b",
                "MIP6MH_Generic(mhtype=13, msg=bytes.fromhex('0001' + '0000002a' + '01020000'))");
        Path file = write(IpPacketBuilder.ipv6(hb.source(), hb.destination(), hb.mhBytes()));
        assertEquals(List.of(List.of("13", "42", "1")),
                Tshark.fields(file, "mip6.mhtype", "mip6.hb.seqnr", "mip6.hb.r_flag"));
    }

    private Path write(byte[]... packets) throws IOException {
        Path file = Files.createTempFile(dir, "tshark", ".pcap");
        try (OutputStream out = Files.newOutputStream(file); PcapWriter w = PcapWriter.open(out)) {
            Instant t = Instant.parse("2026-11-23T12:00:00Z");
            for (byte[] p : packets) {
                w.write(t, p);
                t = t.plusMillis(1);
            }
        }
        return file;
    }

    static Inet4Address v4(String s) throws IOException {
        return (Inet4Address) InetAddress.getByName(s);
    }
}
