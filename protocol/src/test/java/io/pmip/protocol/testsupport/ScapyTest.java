package io.pmip.protocol.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pmip.protocol.mh.MobilityHeaderChecksum;
import java.io.IOException;
import java.net.InetAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScapyTest {
    @BeforeAll
    static void needsScapy() {
        assumeTrue(Scapy.available(), "Debian python3-scapy at " + Scapy.PYTHON);
    }

    @Test
    void buildsAProxyBindingUpdateWithConsistentHeader() throws IOException {
        Scapy.ScapyMh pbu = Scapy.proxyBindingUpdate(Scapy.ProxyBindingUpdate.example());
        byte[] mh = pbu.mhBytes();

        assertEquals(InetAddress.getByName("2001:db8::1"), pbu.source());
        assertEquals(InetAddress.getByName("2001:db8::2"), pbu.destination());
        assertEquals(59, mh[0], "Payload Proto: No Next Header (RFC 6275 section 6.1.1)");
        assertEquals(5, mh[2], "MH Type: Binding Update");
        assertEquals(((mh[1] & 0xff) + 1) * 8, mh.length, "Header Len in 8-octet units beyond the first");
        assertEquals(7, ((mh[6] & 0xff) << 8) | (mh[7] & 0xff), "Sequence #");
        assertEquals(0x82, mh[8] & 0xff, "A and P flags (RFC 5213 section 8.1)");
        assertEquals(100, ((mh[10] & 0xff) << 8) | (mh[11] & 0xff), "Lifetime");
        assertTrue(MobilityHeaderChecksum.verify(pbu.source().getAddress(), pbu.destination().getAddress(),
                mh, 0, mh.length), "scapy's checksum covers the IPv6 pseudo-header");
        int hnp = indexOfOption(mh, 22);
        assertEquals(4, hnp % 8, "Home Network Prefix option alignment 8n+4 (RFC 5213 section 8.3)");
        assertEquals(18, mh[hnp + 1]);
        assertEquals(2, indexOfOption(mh, 27) % 8, "Timestamp option alignment 8n+2 (RFC 5213 section 8.8)");
        assertEquals(1, mh[indexOfOption(mh, 23) + 3], "Handoff Indicator value");
        assertEquals(4, mh[indexOfOption(mh, 24) + 3], "Access Technology Type value");
    }

    @Test
    void buildsAnyMobilityHeaderFromAnExpression() throws IOException {
        Scapy.ScapyMh hb = Scapy.mobilityHeader("2001:db8::a", "2001:db8::b",
                "MIP6MH_Generic(mhtype=13, msg=bytes.fromhex('0001' + '0000002a' + '01020000'))");
        assertArrayEquals(new byte[] {59, 1, 13, 0}, java.util.Arrays.copyOf(hb.mhBytes(), 4));
        assertEquals(16, hb.mhBytes().length);
        assertTrue(MobilityHeaderChecksum.verify(hb.source().getAddress(), hb.destination().getAddress(),
                hb.mhBytes(), 0, 16));
    }

    @Test
    void pythonErrorsSurfaceAsIOException() {
        IOException e = assertThrows(IOException.class, () -> Scapy.run("raise SystemExit('boom')"));
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
    }

    /** Offset of the first option of {@code type}, walking the TLVs after the 12-byte BU header. */
    static int indexOfOption(byte[] mh, int type) {
        int at = 12;
        while (at < mh.length) {
            int t = mh[at] & 0xff;
            if (t == type) {
                return at;
            }
            at += t == 0 ? 1 : 2 + (mh[at + 1] & 0xff);
        }
        throw new AssertionError("no option " + type);
    }
}
