package io.pmip.ops.sim;

import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.transport.InboundDatagram;
import io.pmip.protocol.transport.OutboundDatagram;
import io.pmip.protocol.transport.SignalingTransport;
import io.pmip.protocol.transport.SignalingTransports;
import io.pmip.protocol.transport.TransportConfig;
import io.pmip.protocol.transport.TransportException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The yardstick of {@code pmip sim}: the request/response ceiling of this machine over the same
 * UDP transport ({@link SignalingTransports}, a receive and a send thread per socket), with a
 * responder that only reflects each datagram. Requests are PBU-sized (an encoded PBU whose
 * Sequence Number tells the answers apart), started by the same {@link OpenLoopPacer} from one
 * socket per emulated MAG. The offered rate doubles step by step until fewer than 95 % are
 * answered; the highest answered rate of any step is the ceiling.
 */
public final class EchoCeiling {
    /** RFC 6275 section 6.1.7: the PBU's Sequence Number follows the 6-octet Mobility Header start. */
    private static final int SEQUENCE_OFFSET = 6;
    private static final int SLOTS = 0x10000;
    private static final long HIGHEST_MICROS = Duration.ofMinutes(1).toNanos() / 1000;

    /**
     * One step of the search.
     *
     * @param offeredPerSecond  rate the pacer was asked for
     * @param answeredPerSecond answers over the step's pacing time
     * @param sendRefused       requests the client's send queues refused (the client was saturated)
     */
    public record Step(double offeredPerSecond, double seconds, long sent, long answered, long sendRefused,
            double answeredPerSecond, SimReport.Percentiles latency, double pacerMaxLagMillis) {
        /** At least 95 % answered: the machine kept up with this rate. */
        public boolean keptUp() {
            return answered >= 0.95 * sent;
        }
    }

    /**
     * @param ceilingPerSecond the highest rate answered in any step: the machine's request/response
     *                         ceiling over this transport
     * @param steps            the search, doubling the offered rate until answers fall below 95 %
     */
    public record Result(int sockets, double ceilingPerSecond, List<Step> steps) {
        public Result {
            steps = List.copyOf(steps);
        }
    }

    private EchoCeiling() {
    }

    /**
     * Runs a responder on {@code responderAddress} (ephemeral port) and {@code sockets} clients on
     * consecutive addresses from {@code clientAddress}; offers {@code startRate}, doubling each step
     * of {@code step} length until fewer than 95 % are answered or {@code maxRate} is passed.
     */
    public static Result measure(InetAddress responderAddress, InetAddress clientAddress, int sockets,
            double startRate, double maxRate, Duration step) throws TransportException, InterruptedException {
        AtomicLongArray intended = new AtomicLongArray(SLOTS);
        Recorder latency = new Recorder(HIGHEST_MICROS, 3);
        LongAdder answered = new LongAdder();
        List<SignalingTransport> clients = new ArrayList<>();
        SignalingTransport[] responder = new SignalingTransport[1];
        try {
            responder[0] = SignalingTransports.open(TransportConfig.udpIpv4(responderAddress, 0).withReusePort(false)
                    .withSendQueueCapacity(SLOTS), d -> responder[0].send(d.reply(d.payload())));
            InetSocketAddress target = new InetSocketAddress(responder[0].localAddress(), responder[0].localPort());
            for (int k = 0; k < sockets; k++) {
                clients.add(SignalingTransports.open(TransportConfig.udpIpv4(nth(clientAddress, k), 0)
                        .withReusePort(false).withSendQueueCapacity(SLOTS), d -> onAnswer(d, intended, latency, answered)));
            }
            byte[] template = MobilityHeaderEncoder.encodeForIpv4Udp(ProxyBindingUpdate.of(0, 900, List.of(
                    MobileNodeIdentifier.nai("echo-0-0@sim.pmip.example"),
                    new HomeNetworkPrefixOption(Ipv6Prefix.UNSPECIFIED))));
            List<Step> steps = new ArrayList<>();
            double best = 0;
            for (double rate = startRate; rate <= maxRate; rate *= 2) {
                long answeredBefore = answered.sum();
                long refusedBefore = refused(clients);
                latency.reset();
                long operations = (long) Math.ceil(rate * step.toNanos() / 1e9);
                OpenLoopPacer.Result paced = OpenLoopPacer.run(rate, operations, (i, at) -> {
                    int slot = (int) (i & (SLOTS - 1));
                    intended.set(slot, at);
                    byte[] request = template.clone();
                    request[SEQUENCE_OFFSET] = (byte) (slot >>> 8);
                    request[SEQUENCE_OFFSET + 1] = (byte) slot;
                    clients.get((int) (i % sockets)).send(OutboundDatagram.to(target.getAddress(), target.getPort(),
                            request));
                });
                // Late answers of this step still count for it; then the slots are cleared for the next.
                Thread.sleep(300);
                for (int i = 0; i < SLOTS; i++) {
                    intended.set(i, 0);
                }
                Histogram h = latency.getIntervalHistogram();
                double seconds = paced.elapsedNanos() / 1e9;
                long got = answered.sum() - answeredBefore;
                Step done = new Step(rate, seconds, paced.started(), got, refused(clients) - refusedBefore,
                        got / seconds, SimReport.Percentiles.of(h), paced.maxLagMillis());
                steps.add(done);
                best = Math.max(best, done.answeredPerSecond());
                if (!done.keptUp()) {
                    break;
                }
            }
            return new Result(sockets, best, steps);
        } finally {
            clients.forEach(SignalingTransport::close);
            if (responder[0] != null) {
                responder[0].close();
            }
        }
    }

    private static long refused(List<SignalingTransport> clients) {
        return clients.stream().mapToLong(c -> c.stats().droppedTotal()).sum();
    }

    private static void onAnswer(InboundDatagram d, AtomicLongArray intended, Recorder latency, LongAdder answered) {
        long now = System.nanoTime();
        byte[] p = d.payload();
        if (p.length < SEQUENCE_OFFSET + 2) {
            return;
        }
        int slot = ((p[SEQUENCE_OFFSET] & 0xff) << 8) | (p[SEQUENCE_OFFSET + 1] & 0xff);
        long at = intended.getAndSet(slot, 0);
        if (at != 0) {
            answered.increment();
            latency.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (now - at) / 1000)));
        }
    }

    private static InetAddress nth(InetAddress first, int k) {
        byte[] a = first.getAddress();
        a[a.length - 1] = (byte) ((a[a.length - 1] & 0xff) + k);
        try {
            return InetAddress.getByAddress(a);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines for the console and the benchmark files. */
    public static String render(Result r) {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT,
                "echo ceiling (UDP, %d client sockets): %.0f answered/s%n", r.sockets(), r.ceilingPerSecond()));
        for (Step s : r.steps()) {
            b.append(String.format(java.util.Locale.ROOT,
                    "  offered %7.0f/s for %.1f s: %7.0f answered/s (%d of %d, %d refused by the client), latency ms"
                            + " p50 %.2f p99 %.2f max %.2f, pacer max lag %.1f ms%n", s.offeredPerSecond(), s.seconds(),
                    s.answeredPerSecond(), s.answered(), s.sent(), s.sendRefused(), s.latency().p50(), s.latency().p99(),
                    s.latency().max(), s.pacerMaxLagMillis()));
        }
        return b.toString();
    }
}
