package io.pmip.protocol.pcap;

import io.pmip.protocol.InternetChecksum;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignalCaptureTest {
    /** A Heartbeat-shaped MH (RFC 5847): 16 bytes; the reader must not care what is inside. */
    static final byte[] MH = HexFormat.of().parseHex("3b010d00abcd000000000001" + "01020000");
    static final Inet6Address MAG6 = v6("2001:db8::1");
    static final Inet6Address LMA6 = v6("2001:db8::2");
    static final Inet4Address MAG4 = v4("192.0.2.1");
    static final Inet4Address LMA4 = v4("198.51.100.2");
    static final Instant T0 = Instant.parse("2026-11-23T18:00:00.123456Z");

    @Test
    void roundTripsSignalsWrittenByPcapWriterAndCountsOtherFrames() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (PcapWriter w = PcapWriter.open(file)) {
            w.write(T0, IpPacketBuilder.ipv6(MAG6, LMA6, MH));
            w.write(T0.plusMillis(5), IpPacketBuilder.ipv4Udp(MAG4, 5436, LMA4, 5436, MH));
            w.write(T0.plusMillis(6), IpPacketBuilder.ipv4Udp(MAG4, 40000, LMA4, 53, MH));
            w.write(T0.plusMillis(7), IpPacketBuilder.ipv6(MAG6, LMA6, 59, new byte[0]));
        }
        CaptureResult r = read(file.toByteArray());

        assertEquals(LinkType.RAW, r.header().linkType());
        assertEquals(4, r.frames());
        assertEquals(2, r.skipped());
        assertEquals(0, r.errors().size());
        assertEquals(new CapturedSignal(1, T0, CapturedSignal.Transport.MH_IPV6, MAG6, LMA6,
                CapturedSignal.NO_PORT, CapturedSignal.NO_PORT, MH), r.signals().get(0));
        assertEquals(new CapturedSignal(2, T0.plusMillis(5), CapturedSignal.Transport.UDP_IPV4, MAG4, LMA4,
                5436, 5436, MH), r.signals().get(1));
    }

    @Test
    void writerEmitsMicrosecondLittleEndianRaw() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (PcapWriter w = PcapWriter.open(file)) {
            w.write(T0, new byte[] {0x60});
        }
        ByteBuffer b = ByteBuffer.wrap(file.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xa1b2c3d4, b.getInt(0));
        assertEquals(101, b.getInt(20));
        assertEquals(T0.getEpochSecond(), Integer.toUnsignedLong(b.getInt(24)));
        assertEquals(123456, b.getInt(28));
        assertEquals(1, b.getInt(32));
        assertEquals(1, b.getInt(36));
    }

    @Test
    void readsBigEndianNanosecondFiles() throws Exception {
        byte[] file = new PcapBytes(ByteOrder.BIG_ENDIAN, 0xa1b23c4d, 101)
                .record(1_700_000_000L, 987_654_321L, IpPacketBuilder.ipv6(MAG6, LMA6, MH)).bytes();
        CaptureResult r = read(file);
        assertEquals(ByteOrder.BIG_ENDIAN, r.header().byteOrder());
        assertTrue(r.header().nanosecondTimestamps());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L, 987_654_321L), r.signals().get(0).time());
    }

    @Test
    void readsLittleEndianNanosecondAndBigEndianMicrosecondFiles() throws Exception {
        byte[] le = new PcapBytes(ByteOrder.LITTLE_ENDIAN, 0xa1b23c4d, 101).record(5, 7, raw6()).bytes();
        byte[] be = new PcapBytes(ByteOrder.BIG_ENDIAN, 0xa1b2c3d4, 101).record(5, 7, raw6()).bytes();
        assertEquals(Instant.ofEpochSecond(5, 7), read(le).signals().get(0).time());
        assertEquals(Instant.ofEpochSecond(5, 7_000), read(be).signals().get(0).time());
    }

    @Test
    void rawAliasLinkTypesTellIpVersionsApart() throws Exception {
        for (int linkType : new int[] {12, 14, 101}) {
            byte[] file = new PcapBytes(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, linkType)
                    .record(1, 0, raw6()).record(1, 0, raw4()).bytes();
            CaptureResult r = read(file);
            assertEquals(2, r.signals().size(), "link type " + linkType);
            assertEquals(CapturedSignal.Transport.MH_IPV6, r.signals().get(0).kind());
            assertEquals(CapturedSignal.Transport.UDP_IPV4, r.signals().get(1).kind());
        }
    }

    @Test
    void readsEthernetWithAndWithoutVlanTag() throws Exception {
        byte[] file = new PcapBytes(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, 1)
                .record(1, 0, PcapBytes.ethernet(0x86dd, raw6()))
                .record(1, 0, PcapBytes.ethernetVlan(42, 0x0800, raw4()))
                .record(1, 0, PcapBytes.ethernet(0x0806, new byte[28]))
                // Ethernet pads short frames and may keep the FCS: IP lengths must bound the payload.
                .record(1, 0, PcapBytes.ethernet(0x0800, concat(raw4(), new byte[] {(byte) 0xde, (byte) 0xad})))
                .bytes();
        CaptureResult r = read(file);
        assertEquals(3, r.signals().size());
        assertEquals(1, r.skipped());
        assertArrayEquals(MH, r.signals().get(0).mhBytes());
        assertEquals(LMA4, r.signals().get(1).destination());
        assertArrayEquals(MH, r.signals().get(2).mhBytes());
    }

    @Test
    void readsLinuxCookedV1AndV2() throws Exception {
        CaptureResult sll = read(new PcapBytes(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, 113)
                .record(1, 0, PcapBytes.sll(0x86dd, raw6())).record(1, 0, PcapBytes.sll(0x0800, raw4())).bytes());
        CaptureResult sll2 = read(new PcapBytes(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, 276)
                .record(1, 0, PcapBytes.sll2(0x86dd, raw6())).record(1, 0, PcapBytes.sll2(0x0800, raw4())).bytes());
        for (CaptureResult r : new CaptureResult[] {sll, sll2}) {
            assertEquals(2, r.signals().size(), r.header().linkType().toString());
            assertEquals(MAG6, r.signals().get(0).source());
            assertEquals(5436, r.signals().get(1).destinationPort());
        }
    }

    @Test
    void walksIpv6ExtensionHeadersToTheMobilityHeader() throws Exception {
        // Hop-by-Hop (8 bytes, PadN) -> Destination Options (16 bytes) -> Routing type 2 (24 bytes)
        // -> atomic Fragment (8 bytes) -> Mobility Header.
        byte[] hbh = hex("3c00" + "0104" + "00000000");
        byte[] dest = hex("2b01" + "010c" + "000000000000000000000000");
        byte[] routing = hex("2c02" + "0201" + "00000000" + "20010db8000000000000000000000099");
        byte[] fragment = hex("8700" + "0000" + "12345678");
        byte[] packet = IpPacketBuilder.ipv6(MAG6, LMA6, 0, concat(hbh, dest, routing, fragment, MH));
        CaptureResult r = read(raw(packet));
        assertEquals(1, r.signals().size(), r.toString());
        assertArrayEquals(MH, r.signals().get(0).mhBytes());
    }

    @Test
    void fragmentsAreSkippedOrReportedNotMisread() throws Exception {
        byte[] nonFirst = IpPacketBuilder.ipv6(MAG6, LMA6, 44, concat(hex("8700" + "0008" + "00000001"), MH));
        byte[] firstOfMany = IpPacketBuilder.ipv6(MAG6, LMA6, 44, concat(hex("8700" + "0001" + "00000001"), MH));
        CaptureResult r = read(raw(nonFirst, firstOfMany));
        assertEquals(1, r.skipped());
        assertEquals(FrameError.Kind.FRAGMENT_NOT_REASSEMBLED, r.errors().get(0).kind());
        assertEquals(2, r.errors().get(0).frameNumber());
    }

    @Test
    void honoursAConfiguredUdpPortInEitherDirection() throws Exception {
        byte[] file = raw(IpPacketBuilder.ipv4Udp(MAG4, 6000, LMA4, 40000, MH),
                IpPacketBuilder.ipv4Udp(MAG4, 40000, LMA4, 5436, MH));
        CaptureResult r = SignalCapture.read(new ByteArrayInputStream(file), new SignalExtractor(6000));
        assertEquals(1, r.signals().size());
        assertEquals(6000, r.signals().get(0).sourcePort());
        assertEquals(1, r.skipped());
    }

    @Test
    void malformedFramesGiveTypedErrorsWithOffsetsAndReadingContinues() throws Exception {
        byte[] good = raw6();
        byte[] payloadTooLong = raw6();
        payloadTooLong[5] += 8;
        byte[] badVersion = raw6();
        badVersion[0] = 0x50;
        byte[] shortIhl = raw4();
        shortIhl[0] = 0x44;
        byte[] udpTooLong = raw4();
        udpTooLong[25] = (byte) 0xff;
        byte[] extCut = IpPacketBuilder.ipv6(MAG6, LMA6, 60, hex("8702" + "010c0000" + "0000"));
        byte[] file = raw(good, payloadTooLong, badVersion, shortIhl, udpTooLong, extCut, good, Arrays.copyOf(good, 30));

        CaptureResult r = read(file);
        assertEquals(8, r.frames());
        assertEquals(2, r.signals().size());
        assertEquals(7, r.signals().get(1).frameNumber());
        assertEquals(6, r.errors().size());
        FrameError e = r.errors().get(0);
        assertEquals(2, e.frameNumber());
        assertEquals(FrameError.Kind.TRUNCATED_IP_PACKET, e.kind());
        // Record 2's data starts after the global header and two record headers plus frame 1.
        long frame2Data = 24 + 16 + good.length + 16;
        assertEquals(frame2Data + good.length, e.fileOffset());
        assertEquals(good.length, e.frameOffset());
        assertEquals(FrameError.Kind.MALFORMED_IP_HEADER, r.errors().get(1).kind());
        assertEquals(FrameError.Kind.MALFORMED_IP_HEADER, r.errors().get(2).kind());
        assertEquals(FrameError.Kind.MALFORMED_UDP, r.errors().get(3).kind());
        assertEquals(FrameError.Kind.TRUNCATED_EXTENSION_HEADER, r.errors().get(4).kind());
        assertEquals(FrameError.Kind.TRUNCATED_IP_PACKET, r.errors().get(5).kind());
        assertEquals(8, r.errors().get(5).frameNumber());
    }

    @Test
    void truncatedLinkHeadersAreErrors() throws Exception {
        assertEquals(FrameError.Kind.TRUNCATED_LINK_HEADER, read(new PcapBytes(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, 1)
                .record(1, 0, new byte[13]).bytes()).errors().get(0).kind());
        assertEquals(FrameError.Kind.TRUNCATED_LINK_HEADER, read(new PcapBytes(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, 1)
                .record(1, 0, Arrays.copyOf(PcapBytes.ethernetVlan(1, 0x86dd, raw6()), 16)).bytes()).errors().get(0).kind());
        assertEquals(FrameError.Kind.TRUNCATED_LINK_HEADER, read(new PcapBytes(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, 113)
                .record(1, 0, new byte[15]).bytes()).errors().get(0).kind());
        assertEquals(FrameError.Kind.TRUNCATED_LINK_HEADER, read(new PcapBytes(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, 276)
                .record(1, 0, new byte[19]).bytes()).errors().get(0).kind());
    }

    @Test
    void recordLengthsFromTheFileAreNotTrusted() throws Exception {
        byte[] good = raw6();
        byte[] whole = raw(good, good);
        CaptureResult cut = read(Arrays.copyOf(whole, whole.length - 3));
        assertEquals(1, cut.signals().size());
        assertEquals(FrameError.Kind.TRUNCATED_RECORD_DATA, cut.errors().get(0).kind());
        assertEquals(whole.length - 3, cut.errors().get(0).fileOffset());

        CaptureResult headerCut = read(Arrays.copyOf(whole, 24 + 16 + good.length + 10));
        assertEquals(FrameError.Kind.TRUNCATED_RECORD_HEADER, headerCut.errors().get(0).kind());
        assertEquals(2, headerCut.errors().get(0).frameNumber());

        byte[] huge = new PcapBytes(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, 101)
                .record(1, 0, 0x7fff_fff0L, 0x7fff_fff0L, good).record(1, 0, good).bytes();
        CaptureResult tooLong = read(huge);
        assertEquals(1, tooLong.frames());
        assertEquals(FrameError.Kind.RECORD_TOO_LONG, tooLong.errors().get(0).kind());
    }

    @Test
    void fileLevelProblemsAreCheckedExceptions() {
        byte[] valid = raw(raw6());
        assertThrows(PcapFormatException.class, () -> read(Arrays.copyOf(valid, 23)));
        assertThrows(PcapFormatException.class, () -> read(new byte[0]));
        assertThrows(PcapFormatException.class, () -> read(hex("0a0d0d0a0000001c4d3c2b1a")));
        byte[] badMagic = valid.clone();
        badMagic[0] = 0;
        assertThrows(PcapFormatException.class, () -> read(badMagic));
        PcapFormatException unsupported = assertThrows(PcapFormatException.class,
                () -> read(new PcapBytes(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, 147).bytes()));
        assertEquals(20, unsupported.fileOffset());
    }

    @Test
    void ipv4HeaderAndUdpChecksumsVerifyToZero() {
        byte[] p = IpPacketBuilder.ipv4Udp(MAG4, 5436, LMA4, 5436, MH);
        assertEquals(0, new InternetChecksum().add(p, 0, 20).value());
        int udpLength = p.length - 20;
        assertEquals(0, new InternetChecksum().add(p, 12, 8).add16(17).add16(udpLength).add(p, 20, udpLength).value());
        assertEquals(0x40, p[6], "DF set, no fragment offset");
        assertEquals(64, p[8]);
    }

    @Test
    void ipv6HeaderFieldsAreAsSpecified() {
        byte[] p = IpPacketBuilder.ipv6(MAG6, LMA6, MH);
        assertEquals(40 + MH.length, p.length);
        assertEquals(0x60, p[0] & 0xff);
        assertEquals(MH.length, ((p[4] & 0xff) << 8) | (p[5] & 0xff));
        assertEquals(135, p[6] & 0xff);
        assertEquals(64, p[7]);
        assertArrayEquals(MAG6.getAddress(), Arrays.copyOfRange(p, 8, 24));
        assertArrayEquals(LMA6.getAddress(), Arrays.copyOfRange(p, 24, 40));
    }

    @Test
    void ipv4MappedSourceStaysAnIpv6Address() throws Exception {
        Inet6Address mapped = (Inet6Address) Inet6Address.getByAddress(null,
                hex("00000000000000000000ffffc0000201"), -1);
        CapturedSignal s = read(raw(IpPacketBuilder.ipv6(mapped, LMA6, MH))).signals().get(0);
        assertInstanceOf(Inet6Address.class, s.source());
    }

    static CaptureResult read(byte[] file) throws IOException, PcapFormatException {
        return SignalCapture.read(new ByteArrayInputStream(file), new SignalExtractor());
    }

    static byte[] raw(byte[]... packets) {
        PcapBytes file = new PcapBytes(ByteOrder.LITTLE_ENDIAN, 0xa1b2c3d4, 101);
        for (byte[] p : packets) {
            file.record(1, 0, p);
        }
        return file.bytes();
    }

    static byte[] raw6() {
        return IpPacketBuilder.ipv6(MAG6, LMA6, MH);
    }

    static byte[] raw4() {
        return IpPacketBuilder.ipv4Udp(MAG4, 5436, LMA4, 5436, MH);
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static Inet6Address v6(String s) {
        try {
            return (Inet6Address) InetAddress.getByName(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Inet4Address v4(String s) {
        try {
            return (Inet4Address) InetAddress.getByName(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
