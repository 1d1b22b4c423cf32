package io.pmip.protocol.transport;

import static io.pmip.protocol.transport.UdpIpv4TransportTest.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TransportConfigTest {
    @Test
    void parsesKindAndAddressLiterals() {
        TransportConfig udp = TransportConfig.parse("udp-ipv4", "192.0.2.1", 5436);
        assertEquals(TransportKind.UDP_IPV4, udp.kind());
        assertEquals(address("192.0.2.1"), udp.localAddress());
        assertEquals(5436, udp.port());
        assertTrue(udp.reusePort());
        assertEquals(TransportConfig.MAX_MOBILITY_HEADER_BYTES, udp.maxDatagramBytes());

        TransportConfig mh = TransportConfig.parse("MH_IPV6", "[2001:db8::1]", 0);
        assertEquals(TransportKind.MH_IPV6, mh.kind());
        assertEquals(address("2001:db8::1"), mh.localAddress());
        assertFalse(mh.reusePort());
    }

    @Test
    void rejectsWhatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> TransportConfig.parse("sctp", "::1", 0));
        assertThrows(IllegalArgumentException.class, () -> TransportConfig.parse("mh-ipv6", "lma.example", 0));
        assertThrows(IllegalArgumentException.class, () -> TransportConfig.parse("udp-ipv4", "dead", 0));
        assertThrows(IllegalArgumentException.class, () -> TransportConfig.parse("mh-ipv6", "127.0.0.1", 0));
        assertThrows(IllegalArgumentException.class, () -> TransportConfig.parse("mh-ipv6", "::1", 5436));
        assertThrows(IllegalArgumentException.class, () -> TransportConfig.parse("udp-ipv4", "::1", 5436));
        assertThrows(IllegalArgumentException.class, () -> TransportConfig.parse("udp-ipv4", "127.0.0.1", 70_000));
        assertThrows(IllegalArgumentException.class,
                () -> TransportConfig.udpIpv4(address("127.0.0.1"), 0).withSendQueueCapacity(0));
    }

    @Test
    void kindsCarryTheirWireValues() {
        assertEquals(135, TransportKind.MH_IPV6.ipProtocol());
        assertEquals(17, TransportKind.UDP_IPV4.ipProtocol());
        assertEquals(5436, TransportKind.UDP_IPV4.defaultPort());
    }
}
