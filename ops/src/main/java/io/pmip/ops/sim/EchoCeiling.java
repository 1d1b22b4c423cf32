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
 * socket per emulated MAG. Offered above what the machine can do, the answered rate is the ceiling.
 */
public final class EchoCeiling {
    /** RFC 6275 section 6.1.7: the PBU's Sequence Number follows the 6-octet Mobility Header start. */
    private static final int SEQUENCE_OFFSET = 6;
    private static final int SLOTS = 0x10000;
    private static final long HIGHEST_MICROS = Duration.ofMinutes(1).toNanos() / 1000;

    /**
     * @param offeredPerSecond  rate the pacer was asked for
     * @param answeredPerSecond answers over the pacing time: the ceiling when offered is above it
     * @param sendRefused       requests the client's send queues refused (the client was saturated)
     */
    public record Result(int sockets, double offeredPerSecond, double seconds, long sent, long answered,
            long sendRefused, double answeredPerSecond, SimReport.Percentiles latency, double pacerMaxLagMillis) {
    }

    private EchoCeiling() {
    }

    /**
     * Runs a responder on {@code responderAddress} (ephemeral port) and {@code sockets} clients on
     * consecutive addresses from {@code clientAddress} for {@code duration} at {@code rate}.
     */
    public static Result measure(InetAddress responderAddress, InetAddress clientAddress, int sockets, double rate,
            Duration duration) throws TransportException, InterruptedException {
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
            long operations = (long) Math.ceil(rate * duration.toNanos() / 1e9);
            OpenLoopPacer.Result paced = OpenLoopPacer.run(rate, operations, (i, at) -> {
                int slot = (int) (i & (SLOTS - 1));
                intended.set(slot, at);
                byte[] request = template.clone();
                request[SEQUENCE_OFFSET] = (byte) (slot >>> 8);
                request[SEQUENCE_OFFSET + 1] = (byte) slot;
                clients.get((int) (i % sockets)).send(OutboundDatagram.to(target.getAddress(), target.getPort(), request));
            });
            Thread.sleep(500);
            Histogram h = latency.getIntervalHistogram();
            long refused = clients.stream().mapToLong(c -> c.stats().droppedTotal()).sum();
            double seconds = paced.elapsedNanos() / 1e9;
            return new Result(sockets, rate, seconds, paced.started(), answered.sum(), refused,
                    answered.sum() / seconds, SimReport.Percentiles.of(h), paced.maxLagMillis());
        } finally {
            clients.forEach(SignalingTransport::close);
            if (responder[0] != null) {
                responder[0].close();
            }
        }
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

    /** One line for the console and the benchmark files. */
    public static String render(Result r) {
        return String.format(java.util.Locale.ROOT,
                "echo ceiling (UDP, %d client sockets, offered %.0f/s for %.1f s): %.0f answered/s, %d of %d answered,"
                        + " %d refused by the client's send queues, latency ms p50 %.2f p99 %.2f max %.2f,"
                        + " pacer max lag %.1f ms", r.sockets(), r.offeredPerSecond(), r.seconds(), r.answeredPerSecond(),
                r.answered(), r.sent(), r.sendRefused(), r.latency().p50(), r.latency().p99(), r.latency().max(),
                r.pacerMaxLagMillis());
    }
}
