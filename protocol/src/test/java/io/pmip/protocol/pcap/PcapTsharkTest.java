package io.pmip.protocol.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pmip.protocol.testsupport.Tshark;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wireshark reads what {@link PcapWriter} and {@link IpPacketBuilder} produce, checksums included. */
class PcapTsharkTest {
    @TempDir
    Path dir;

    @Test
    void tsharkReadsOurFileAndAgreesWithOurHeadersAndChecksums() throws Exception {
        assumeTrue(Tshark.available(), "tshark on PATH");
        Path file = dir.resolve("ours.pcap");
        Instant t0 = Instant.parse("2026-11-23T18:00:00.250001Z");
        try (OutputStream out = Files.newOutputStream(file); PcapWriter w = PcapWriter.open(out)) {
            w.write(t0, SignalCaptureTest.raw6());
            w.write(t0.plusSeconds(1), SignalCaptureTest.raw4());
        }

        List<Tshark.Frame> frames = Tshark.dissect(file, "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE");
        assertEquals(2, frames.size());
        Tshark.Frame v6 = frames.get(0);
        // WTAP_ENCAP_RAW_IP is 7: tshark took the file's link type 101 as raw IP.
        assertEquals(List.of("7"), Tshark.fieldValues(v6, "frame.encap_type"));
        assertEquals(List.of("1795456800.250001000"), Tshark.fieldValues(v6, "frame.time_epoch"));
        assertEquals(List.of("135"), Tshark.fieldValues(v6, "ipv6.nxt"));
        assertEquals(List.of("64"), Tshark.fieldValues(v6, "ipv6.hlim"));
        assertEquals(List.of(String.valueOf(SignalCaptureTest.MH.length)), Tshark.fieldValues(v6, "ipv6.plen"));
        assertEquals(List.of("2001:db8::1"), Tshark.fieldValues(v6, "ipv6.src"));
        assertEquals(List.of("13"), Tshark.fieldValues(v6, "mip6.mhtype"));

        Tshark.Frame v4 = frames.get(1);
        assertEquals(List.of("7"), Tshark.fieldValues(v4, "frame.encap_type"));
        assertEquals(List.of("1"), Tshark.fieldValues(v4, "ip.checksum.status"), "1 is Good");
        assertEquals(List.of("1"), Tshark.fieldValues(v4, "udp.checksum.status"), "1 is Good");
        assertEquals(List.of("1"), Tshark.fieldValues(v4, "ip.flags.df"));
        assertEquals(List.of("64"), Tshark.fieldValues(v4, "ip.ttl"));
        assertEquals(List.of("5436"), Tshark.fieldValues(v4, "udp.srcport"));
        assertEquals(List.of("5436"), Tshark.fieldValues(v4, "udp.dstport"));
        assertEquals(List.of("13"), Tshark.fieldValues(v4, "mip6.mhtype"));
        frames.forEach(f -> assertEquals(List.of(), f.expert(), "frame " + f.number()));
    }
}
