package io.pmip.protocol.transport;

import io.pmip.protocol.testsupport.LinuxTestSupport;
import static io.pmip.protocol.transport.Heartbeats.checksumVerifies;
import static io.pmip.protocol.transport.Heartbeats.heartbeat;
import static io.pmip.protocol.transport.Heartbeats.sequence;
import static io.pmip.protocol.transport.UdpIpv4TransportTest.address;
import static io.pmip.protocol.transport.UdpIpv4TransportTest.awaitCount;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The raw Mobility Header transport against the real kernel. In the root namespace every raw
 * protocol-135 socket sees every Mobility Header to ::1, so each test picks out its own
 * datagrams by a random sequence number.
 */
class MhIpv6TransportTest {
    private static final InetAddress LOOPBACK = address("::1");
    private static final InetAddress NODE_A = address("fd00:135::1");
    private static final InetAddress NODE_B = address("fd00:135::2");

    private static void assumeRawSockets() throws Exception {
        assumeTrue(LinuxTestSupport.hasCapability(LinuxTestSupport.CAP_NET_RAW),
                "raw Mobility Header tests need CAP_NET_RAW");
    }

    @Test
    void overLoopbackTheBytesArriveUntouchedWithSourceAndDestination() throws Exception {
        assumeRawSockets();
        Inbox lmaInbox = new Inbox();
        try (SignalingTransport mag = SignalingTransports.open(TransportConfig.mhIpv6(LOOPBACK), new Inbox());
                SignalingTransport lma = SignalingTransports.open(TransportConfig.mhIpv6(LOOPBACK), lmaInbox)) {
            assertEquals(TransportKind.MH_IPV6, lma.kind());
            assertEquals(LOOPBACK, lma.localAddress());
            assertEquals(0, lma.localPort());

            int seq = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
            byte[] sent = heartbeat(LOOPBACK, LOOPBACK, seq, false);
            assertTrue(mag.send(OutboundDatagram.to(LOOPBACK, 0, sent)));
            InboundDatagram in = lmaInbox.nextMatching(d -> sequence(d) == seq);
            // Identical bytes: the kernel neither rewrote the checksum (IPV6_CHECKSUM is off) nor added headers.
            assertArrayEquals(sent, in.payload());
            assertEquals(LOOPBACK, in.source());
            assertEquals(LOOPBACK, in.destination());
            assertEquals(0, in.sourcePort());
            assertEquals(0, in.destinationPort());
            assertEquals(TransportKind.MH_IPV6, in.kind());
            assertTrue(checksumVerifies(in));
            awaitCount(() -> mag.stats().sent(), 1);
        }
    }

    @Test
    void aWrongChecksumIsDeliveredForTheDecoderToReject() throws Exception {
        assumeRawSockets();
        Inbox lmaInbox = new Inbox();
        try (SignalingTransport mag = SignalingTransports.open(TransportConfig.mhIpv6(LOOPBACK), new Inbox());
                SignalingTransport lma = SignalingTransports.open(TransportConfig.mhIpv6(LOOPBACK), lmaInbox)) {
            int seq = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
            byte[] corrupt = heartbeat(LOOPBACK, LOOPBACK, seq, false);
            corrupt[5] ^= 0x5a;
            assertTrue(mag.send(OutboundDatagram.to(LOOPBACK, 0, corrupt)));
            InboundDatagram in = lmaInbox.nextMatching(d -> sequence(d) == seq);
            // With the kernel's default checksum on an IPPROTO_MH socket this datagram would vanish.
            assertArrayEquals(corrupt, in.payload());
            assertFalse(checksumVerifies(in));
            assertEquals(0, lma.stats().droppedTotal());
        }
    }

    @Test
    void oversizeDatagramsAreCountedAndTheNextIsDelivered() throws Exception {
        assumeRawSockets();
        Inbox lmaInbox = new Inbox();
        TransportConfig bigSender = TransportConfig.mhIpv6(LOOPBACK).withMaxDatagramBytes(4096);
        try (SignalingTransport mag = SignalingTransports.open(bigSender, new Inbox());
                SignalingTransport lma = SignalingTransports.open(TransportConfig.mhIpv6(LOOPBACK), lmaInbox)) {
            byte[] oversize = new byte[TransportConfig.MAX_MOBILITY_HEADER_BYTES + 8];
            oversize[0] = Heartbeats.IPPROTO_NONE;
            oversize[2] = Heartbeats.MH_TYPE_HEARTBEAT;
            assertTrue(mag.send(OutboundDatagram.to(LOOPBACK, 0, oversize)));
            int seq = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
            assertTrue(mag.send(OutboundDatagram.to(LOOPBACK, 0, heartbeat(LOOPBACK, LOOPBACK, seq, false))));
            lmaInbox.nextMatching(d -> sequence(d) == seq);
            assertTrue(lma.stats().dropped(DropReason.OVERSIZE) >= 1, lma.stats().toString());
        }
    }

    @Test
    void aWildcardBoundTransportNeedsAnExplicitSource() throws Exception {
        assumeRawSockets();
        try (SignalingTransport any = SignalingTransports.open(TransportConfig.mhIpv6(address("::")), new Inbox())) {
            byte[] mh = heartbeat(LOOPBACK, LOOPBACK, 1, false);
            assertFalse(any.send(OutboundDatagram.to(LOOPBACK, 0, mh)));
            assertEquals(1, any.stats().dropped(DropReason.UNUSABLE_SOURCE));
            assertThrows(IllegalArgumentException.class,
                    () -> any.send(OutboundDatagram.to(address("127.0.0.1"), 0, mh)));
        }
    }

    @Test
    void withoutCapNetRawOpeningIsATypedError() throws Exception {
        // Capabilities are per thread on Linux: drop CAP_NET_RAW on a scratch thread when we have it.
        MissingCapabilityException e = LinuxTestSupport.withoutCapability(LinuxTestSupport.CAP_NET_RAW,
                () -> assertThrows(MissingCapabilityException.class,
                        () -> SignalingTransports.open(TransportConfig.mhIpv6(LOOPBACK), new Inbox())));
        assertEquals("CAP_NET_RAW", e.capability());
        assertTrue(e.getMessage().contains("CAP_NET_RAW"), e.getMessage());
    }

    @Test
    void betweenTwoNetworkNamespacesOverVeth() throws Exception {
        assumeRawSockets();
        assumeTrue(LinuxTestSupport.hasCapability(LinuxTestSupport.CAP_SYS_ADMIN),
                "creating network namespaces needs CAP_SYS_ADMIN");
        // Interface names are at most 15 characters; the pid keeps concurrent runs apart.
        String suffix = Long.toString(ProcessHandle.current().pid() % 100_000);
        String nsA = "transportA" + suffix;
        String nsB = "transportB" + suffix;
        removeNamespaces(nsA, nsB);
        try {
            LinuxTestSupport.ip("netns", "add", nsA);
            LinuxTestSupport.ip("netns", "add", nsB);
            LinuxTestSupport.ip("link", "add", nsA, "netns", nsA, "type", "veth", "peer", "name", nsB, "netns", nsB);
            LinuxTestSupport.ip("-n", nsA, "addr", "add", "fd00:135::1/64", "dev", nsA, "nodad");
            LinuxTestSupport.ip("-n", nsB, "addr", "add", "fd00:135::2/64", "dev", nsB, "nodad");
            LinuxTestSupport.ip("-n", nsA, "link", "set", nsA, "up");
            LinuxTestSupport.ip("-n", nsB, "link", "set", nsB, "up");

            Inbox magInbox = new Inbox();
            Inbox lmaInbox = new Inbox();
            // The MAG binds its address; the LMA binds :: and learns each destination from IPV6_PKTINFO.
            try (SignalingTransport mag = LinuxTestSupport.inNamespace(nsA,
                    () -> SignalingTransports.open(TransportConfig.mhIpv6(NODE_A), magInbox));
                    SignalingTransport lma = LinuxTestSupport.inNamespace(nsB,
                            () -> SignalingTransports.open(TransportConfig.mhIpv6(address("::")), lmaInbox))) {
                int seq = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
                byte[] request = heartbeat(NODE_A, NODE_B, seq, false);
                assertTrue(mag.send(OutboundDatagram.to(NODE_B, 0, request)));
                InboundDatagram in = lmaInbox.nextMatching(d -> sequence(d) == seq);
                assertArrayEquals(request, in.payload());
                assertEquals(NODE_A, in.source());
                assertEquals(NODE_B, in.destination());
                assertTrue(checksumVerifies(in));

                byte[] response = heartbeat(in.destination(), in.source(), seq, true);
                assertTrue(lma.send(in.reply(response)));
                InboundDatagram back = magInbox.nextMatching(d -> sequence(d) == seq);
                assertArrayEquals(response, back.payload());
                assertEquals(NODE_B, back.source());
                assertEquals(NODE_A, back.destination());
                assertTrue(checksumVerifies(back));
                awaitCount(() -> lma.stats().sent(), 1);
                assertEquals(0, lma.stats().droppedTotal());
            }
        } finally {
            removeNamespaces(nsA, nsB);
        }
    }

    /** Deleting a namespace deletes the veth end inside it, and with it the peer. */
    private static void removeNamespaces(String... names) {
        for (String name : names) {
            LinuxTestSupport.ipQuietly("netns", "del", name);
        }
    }
}
