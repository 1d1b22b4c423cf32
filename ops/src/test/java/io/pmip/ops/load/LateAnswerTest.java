package io.pmip.ops.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.lma.node.LmaConfig;
import io.pmip.lma.node.LmaNode;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real LMA whose PBAs reach the MAGs after the MAGs' timeout (a slow path, as on an overloaded
 * cluster): the load client must report them as late answers and the binding as served with its
 * prefix, not as silence. The failover drill's verification decides "lost" from this; before, an
 * overloaded cluster that answered every PBU late was reported as having lost those bindings.
 */
class LateAnswerTest {
    private static final int MOBILE_NODES = 40;

    @Test
    void answersAfterTheTimeoutAreCountedAsLateAndShowTheBindingServed(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("lma.conf");
        Files.writeString(conf, """
                pmip.lma.node { journal = inmem, udp.port = 0, mh.enabled = false, home = "%s" }
                pmip.lma.timestamp-validity-window = 5s
                pekko.remote.artery.canonical.port = 0
                pekko.coordinated-shutdown.exit-jvm = off
                pekko.loglevel = WARNING
                """.formatted(dir));
        try (LmaNode lma = LmaNode.start(LmaConfig.load(Optional.of(conf), Map.of())).awaitUp(Duration.ofSeconds(30));
                DelayingRelay path = new DelayingRelay(lma.udpAddress());
                LoadClient client = LoadClient.open(LoadProfile.udp(path.address().getAddress(),
                        path.address().getPort(), 2, MOBILE_NODES / 2, 0).withMaxInFlight(MOBILE_NODES)
                        .withRetransmission(Duration.ofSeconds(2), 1))) {
            // A cold node may take longer than the timeout for the first ones: rounds, as the drill does.
            for (int round = 0; round < 5 && countRegistered(client) < MOBILE_NODES; round++) {
                client.run(LoadPhase.REGISTER, path.address(), Duration.ofSeconds(30),
                        i -> client.prefixes(i).isEmpty());
            }
            assertEquals(MOBILE_NODES, countRegistered(client));
            client.forgetLateAnswers();

            path.delay(Duration.ofSeconds(3));
            long before = System.nanoTime();
            LoadReport refreshed = client.run(LoadPhase.REFRESH, Duration.ofSeconds(30));
            assertEquals(0, refreshed.accepted(), "every PBA arrives after the 2 s timeout: " + refreshed.render());
            assertEquals(MOBILE_NODES, refreshed.timeouts(), refreshed.render());

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (countLate(client, before) < MOBILE_NODES && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(MOBILE_NODES, countLate(client, before), "each refresh was answered, late");
            for (int i = 0; i < MOBILE_NODES; i++) {
                assertEquals(client.prefixes(i), client.lateGranted(i), "mobile node " + i + " kept its prefix");
                assertTrue(client.acceptedAtNanos(i) < before, "the late PBA is not taken as the MAG's answer");
            }
        }
    }

    private static long countRegistered(LoadClient client) {
        return java.util.stream.IntStream.range(0, MOBILE_NODES).filter(i -> !client.prefixes(i).isEmpty()).count();
    }

    private static long countLate(LoadClient client, long since) {
        return java.util.stream.IntStream.range(0, MOBILE_NODES).filter(i -> client.lateAcceptedAtNanos(i) > since)
                .count();
    }

    /**
     * A UDP path to the LMA that holds each datagram towards it for a settable time. Per MAG it sends
     * from a socket on the MAG's own address, so the LMA sees the MAG's Proxy-CoA (RFC 5844).
     */
    private static final class DelayingRelay implements AutoCloseable {
        private final InetSocketAddress lma;
        private final DatagramSocket front;
        private final Map<InetSocketAddress, DatagramSocket> upstream = new ConcurrentHashMap<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private volatile long delayNanos;

        DelayingRelay(InetSocketAddress lma) throws SocketException {
            this.lma = lma;
            this.front = new DatagramSocket(new InetSocketAddress(lma.getAddress(), 0));
            daemon("relay-front", () -> {
                DatagramPacket in = receive(front);
                InetSocketAddress mag = (InetSocketAddress) in.getSocketAddress();
                DatagramSocket out = upstream.computeIfAbsent(mag, this::openUpstream);
                byte[] bytes = Arrays.copyOf(in.getData(), in.getLength());
                timer.schedule(() -> send(out, bytes, this.lma), delayNanos, TimeUnit.NANOSECONDS);
            });
        }

        InetSocketAddress address() {
            return new InetSocketAddress(front.getLocalAddress(), front.getLocalPort());
        }

        void delay(Duration delay) {
            delayNanos = delay.toNanos();
        }

        private DatagramSocket openUpstream(InetSocketAddress mag) {
            try {
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(mag.getAddress(), 0));
                daemon("relay-back", () -> {
                    DatagramPacket in = receive(socket);
                    send(front, Arrays.copyOf(in.getData(), in.getLength()), mag);
                });
                return socket;
            } catch (SocketException e) {
                throw new IllegalStateException(e);
            }
        }

        private interface Loop {
            void once() throws IOException;
        }

        private static void daemon(String name, Loop loop) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        loop.once();
                    }
                } catch (IOException e) {
                    // closed
                }
            }, name);
            t.setDaemon(true);
            t.start();
        }

        private static DatagramPacket receive(DatagramSocket socket) throws IOException {
            DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
            socket.receive(packet);
            return packet;
        }

        private static void send(DatagramSocket socket, byte[] bytes, InetSocketAddress to) {
            try {
                socket.send(new DatagramPacket(bytes, bytes.length, to));
            } catch (IOException e) {
                // closed while a datagram was held: the test is over
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
            front.close();
            upstream.values().forEach(DatagramSocket::close);
        }
    }
}
