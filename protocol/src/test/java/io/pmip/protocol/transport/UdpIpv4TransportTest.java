package io.pmip.protocol.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UdpIpv4TransportTest {
    private static final InetAddress LOOPBACK_1 = address("127.0.0.1");
    private static final InetAddress LOOPBACK_2 = address("127.0.0.2");

    @Test
    void deliversPayloadWithBothEndsAndRepliesFromTheDestination() throws Exception {
        Inbox magInbox = new Inbox();
        Inbox lmaInbox = new Inbox();
        try (SignalingTransport mag = SignalingTransports.open(TransportConfig.udpIpv4(LOOPBACK_1, 0), magInbox);
                SignalingTransport lma = SignalingTransports.open(TransportConfig.udpIpv4(LOOPBACK_2, 0), lmaInbox)) {
            assertEquals(TransportKind.UDP_IPV4, lma.kind());
            assertEquals(LOOPBACK_2, lma.localAddress());
            assertTrue(lma.localPort() > 0);

            byte[] request = {59, 1, 13, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
            assertTrue(mag.send(OutboundDatagram.to(LOOPBACK_2, lma.localPort(), request)));
            InboundDatagram in = lmaInbox.next();
            assertArrayEquals(request, in.payload());
            assertEquals(LOOPBACK_1, in.source());
            assertEquals(mag.localPort(), in.sourcePort());
            assertEquals(LOOPBACK_2, in.destination());
            assertEquals(lma.localPort(), in.destinationPort());
            assertEquals(TransportKind.UDP_IPV4, in.kind());

            byte[] response = {59, 1, 13, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1};
            assertTrue(lma.send(in.reply(response)));
            InboundDatagram back = magInbox.next();
            assertArrayEquals(response, back.payload());
            assertEquals(LOOPBACK_2, back.source());
            assertEquals(lma.localPort(), back.sourcePort());
            assertEquals(LOOPBACK_1, back.destination());

            // The sender counts after sendmsg returns, which may be after the peer has the datagram.
            awaitCount(() -> mag.stats().sent(), 1);
            assertEquals(1, mag.stats().received());
            awaitCount(() -> lma.stats().sent(), 1);
            assertEquals(1, lma.stats().received());
            assertEquals(0, lma.stats().droppedTotal());
        }
    }

    @Test
    void aBurstWaitsInTheReceiveBufferItWasGivenAndOverflowsASmallOne() throws Exception {
        int burst = 300;
        // Linux grants twice what is asked, up to twice net.core.rmem_max (208 KiB by default): ask under it.
        assertEquals(burst, receivedOfBurst(TransportConfig.udpIpv4(LOOPBACK_1, 0).withReceiveBufferBytes(200_000),
                burst, 200_000), "a 200 kB buffer holds the whole burst while the receive thread is busy");
        int small = receivedOfBurst(TransportConfig.udpIpv4(LOOPBACK_1, 0).withReceiveBufferBytes(4096), burst, 4096);
        assertTrue(small < burst / 10, "a 4 KiB buffer drops most of the burst unseen: " + small + " received");
        assertThrows(IllegalArgumentException.class,
                () -> TransportConfig.udpIpv4(LOOPBACK_1, 0).withReceiveBufferBytes(-1));
    }

    /** Sends {@code burst} datagrams while the transport's receive thread is held, then counts what arrives. */
    private static int receivedOfBurst(TransportConfig config, int burst, int asked) throws Exception {
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
        InboundHandler slow = datagram -> {
            received.incrementAndGet();
            held.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (SignalingTransport lma = SignalingTransports.open(config, slow);
                DatagramChannel client = DatagramChannel.open(StandardProtocolFamily.INET)) {
            assertTrue(lma.receiveBufferBytes() >= asked, "granted " + lma.receiveBufferBytes() + " for " + asked);
            client.bind(new InetSocketAddress(LOOPBACK_2, 0));
            InetSocketAddress to = new InetSocketAddress(LOOPBACK_1, lma.localPort());
            client.send(ByteBuffer.wrap(new byte[] {59, 0, 13, 0, 0, 0, 0, 0}), to);
            assertTrue(held.await(5, TimeUnit.SECONDS), "the first datagram reached the handler");
            for (int i = 0; i < burst - 1; i++) {
                client.send(ByteBuffer.wrap(new byte[] {59, 0, 13, 0, 0, 0, (byte) (i >> 8), (byte) i}), to);
            }
            release.countDown();
            // Let the receive thread empty the socket: done when the count stops moving.
            int last = -1;
            while (received.get() != last) {
                last = received.get();
                Thread.sleep(200);
            }
            return received.get();
        }
    }

    @Test
    void soReusePortLetsTwoTransportsShareOneAddressAndPort() throws Exception {
        Inbox first = new Inbox();
        Inbox second = new Inbox();
        try (SignalingTransport a = SignalingTransports.open(TransportConfig.udpIpv4(LOOPBACK_1, 0), first);
                SignalingTransport b = SignalingTransports.open(
                        TransportConfig.udpIpv4(LOOPBACK_1, a.localPort()), second)) {
            assertEquals(a.localPort(), b.localPort());
            // Linux spreads by a hash of the source: 32 source ports all landing on one socket has odds 2^-31.
            int senders = 32;
            List<DatagramChannel> clients = new ArrayList<>();
            try {
                for (int i = 0; i < senders; i++) {
                    DatagramChannel client = DatagramChannel.open(StandardProtocolFamily.INET);
                    clients.add(client);
                    client.bind(new InetSocketAddress(LOOPBACK_1, 0));
                    client.send(ByteBuffer.wrap(new byte[] {59, 0, 13, (byte) i, 0, 0, 0, 0}),
                            new InetSocketAddress(LOOPBACK_1, a.localPort()));
                }
            } finally {
                for (DatagramChannel client : clients) {
                    client.close();
                }
            }
            awaitTotal(a, b, senders);
            // A transport counts a datagram before its receive thread hands it to the handler (the inbox).
            awaitCount(() -> first.size() + second.size(), senders);
            assertEquals(senders, a.stats().received() + b.stats().received());
            assertTrue(a.stats().received() > 0, "first transport got none: " + a.stats());
            assertTrue(b.stats().received() > 0, "second transport got none: " + b.stats());
            assertEquals(a.stats().received(), first.size());
            assertEquals(b.stats().received(), second.size());
        }
    }

    @Test
    void withoutReusePortASecondBindIsATypedError() throws Exception {
        try (SignalingTransport a = SignalingTransports.open(
                TransportConfig.udpIpv4(LOOPBACK_1, 0).withReusePort(false), new Inbox())) {
            TransportException e = assertThrows(TransportException.class, () -> SignalingTransports.open(
                    TransportConfig.udpIpv4(LOOPBACK_1, a.localPort()).withReusePort(false), new Inbox()));
            assertTrue(e.getMessage().contains("127.0.0.1:" + a.localPort()), e.getMessage());
        }
    }

    @Test
    void wildcardBindIsRefusedBecauseTheDestinationWouldBeUnknown() {
        TransportException e = assertThrows(TransportException.class,
                () -> SignalingTransports.open(TransportConfig.udpIpv4(address("0.0.0.0"), 0), new Inbox()));
        assertTrue(e.getMessage().contains("specific local IPv4 address"), e.getMessage());
    }

    @Test
    void emptyAndOversizeDatagramsAreCountedAndOthersStillDelivered() throws Exception {
        Inbox inbox = new Inbox();
        try (SignalingTransport lma = SignalingTransports.open(TransportConfig.udpIpv4(LOOPBACK_1, 0), inbox);
                DatagramChannel client = DatagramChannel.open(StandardProtocolFamily.INET)) {
            InetSocketAddress target = new InetSocketAddress(LOOPBACK_1, lma.localPort());
            client.send(ByteBuffer.allocate(0), target);
            client.send(ByteBuffer.allocate(TransportConfig.MAX_MOBILITY_HEADER_BYTES + 1), target);
            client.send(ByteBuffer.allocate(9000), target);
            byte[] largest = new byte[TransportConfig.MAX_MOBILITY_HEADER_BYTES];
            largest[0] = 59;
            client.send(ByteBuffer.wrap(largest), target);
            byte[] small = {59, 0, 13, 0, 0, 0, 0, 0};
            client.send(ByteBuffer.wrap(small), target);

            assertArrayEquals(largest, inbox.next().payload());
            assertArrayEquals(small, inbox.next().payload());
            assertEquals(1, lma.stats().dropped(DropReason.EMPTY));
            assertEquals(2, lma.stats().dropped(DropReason.OVERSIZE));
            assertEquals(2, lma.stats().received());
        }
    }

    @Test
    void aThrowingHandlerIsCountedAndTheLoopGoesOn() throws Exception {
        Inbox inbox = new Inbox();
        InboundHandler throwsOnOddFourthByte = datagram -> {
            if ((datagram.payload()[3] & 1) == 1) {
                throw new IllegalStateException("handler failure under test");
            }
            inbox.onDatagram(datagram);
        };
        try (SignalingTransport lma = SignalingTransports.open(TransportConfig.udpIpv4(LOOPBACK_1, 0),
                throwsOnOddFourthByte);
                SignalingTransport mag = SignalingTransports.open(TransportConfig.udpIpv4(LOOPBACK_1, 0), new Inbox())) {
            for (int i = 0; i < 4; i++) {
                assertTrue(mag.send(OutboundDatagram.to(LOOPBACK_1, lma.localPort(),
                        new byte[] {59, 0, 13, (byte) i, 0, 0, 0, 0})));
            }
            assertEquals(0, inbox.next().payload()[3]);
            assertEquals(2, inbox.next().payload()[3]);
            awaitCount(() -> lma.stats().dropped(DropReason.HANDLER_EXCEPTION), 2);
            assertEquals(4, lma.stats().received());
        }
    }

    @Test
    void aFullSendQueueRefusesAndCountsQueueFull() throws Exception {
        Inbox inbox = new Inbox();
        try (SignalingTransport lma = SignalingTransports.open(TransportConfig.udpIpv4(LOOPBACK_1, 0), inbox);
                SignalingTransport mag = SignalingTransports.open(
                        TransportConfig.udpIpv4(LOOPBACK_1, 0).withSendQueueCapacity(1), new Inbox())) {
            // Queueing costs nanoseconds and sending a syscall each, so a queue of one overflows at once.
            int attempts = 2_000;
            int accepted = 0;
            byte[] payload = {59, 0, 13, 0, 0, 0, 0, 0};
            for (int i = 0; i < attempts; i++) {
                if (mag.send(OutboundDatagram.to(LOOPBACK_1, lma.localPort(), payload))) {
                    accepted++;
                }
            }
            long dropped = mag.stats().dropped(DropReason.QUEUE_FULL);
            assertTrue(dropped > 0, "no queue-full drop in " + attempts + " sends");
            assertEquals(attempts, accepted + dropped);
            int acceptedFinal = accepted;
            awaitCount(() -> mag.stats().sent(), acceptedFinal);
        }
    }

    @Test
    void outboundChecksDoNotReachTheWire() throws Exception {
        try (SignalingTransport mag = SignalingTransports.open(TransportConfig.udpIpv4(LOOPBACK_1, 0), new Inbox())) {
            byte[] payload = {59, 0, 13, 0, 0, 0, 0, 0};
            assertFalse(mag.send(new OutboundDatagram(payload, LOOPBACK_1, 5436, LOOPBACK_2)));
            assertEquals(1, mag.stats().dropped(DropReason.UNUSABLE_SOURCE));
            assertFalse(mag.send(OutboundDatagram.to(LOOPBACK_1, 5436, new byte[TransportConfig.MAX_MOBILITY_HEADER_BYTES + 1])));
            assertEquals(1, mag.stats().dropped(DropReason.OVERSIZE));
            assertThrows(IllegalArgumentException.class,
                    () -> mag.send(OutboundDatagram.to(address("::1"), 5436, payload)));
            assertEquals(0, mag.stats().sent());
        }
    }

    @Test
    void aClosedTransportRefusesToSendAndClosesOnlyOnce() throws Exception {
        SignalingTransport mag = SignalingTransports.open(TransportConfig.udpIpv4(LOOPBACK_1, 0), new Inbox());
        mag.close();
        mag.close();
        assertFalse(mag.send(OutboundDatagram.to(LOOPBACK_1, 5436, new byte[] {59, 0, 13, 0, 0, 0, 0, 0})));
        assertEquals(1, mag.stats().dropped(DropReason.CLOSED));
        assertEquals(0, mag.stats().dropped(DropReason.QUEUE_FULL));
        assertEquals(0, mag.stats().sent());
    }

    static void awaitTotal(SignalingTransport a, SignalingTransport b, long total) throws InterruptedException {
        awaitCount(() -> a.stats().received() + b.stats().received(), total);
    }

    static void awaitCount(java.util.function.LongSupplier counter, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Inbox.TIMEOUT_SECONDS);
        while (counter.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, counter.getAsLong());
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
