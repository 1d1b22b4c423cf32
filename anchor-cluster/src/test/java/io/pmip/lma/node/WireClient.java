package io.pmip.lma.node;

import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.codec.DecodeContext;
import io.pmip.protocol.codec.DecodeMode;
import io.pmip.protocol.codec.MobilityHeaderDecoder;
import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobileNodeLinkLayerIdentifier;
import io.pmip.protocol.transport.InboundDatagram;
import io.pmip.protocol.transport.OutboundDatagram;
import io.pmip.protocol.transport.SignalingTransport;
import io.pmip.protocol.transport.SignalingTransports;
import io.pmip.protocol.transport.TransportConfig;
import io.pmip.protocol.transport.TransportKind;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A hand-driven MAG: sends Mobility Headers built by the test (or raw bytes) to the LMA over a real
 * transport and returns what comes back, decoded strictly (the LMA's output must be conformant).
 */
final class WireClient implements AutoCloseable {
    private final SignalingTransport transport;
    private final InetAddress lma;
    private final int lmaPort;
    private final BlockingQueue<MobilityMessage> received = new LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger undecodable = new java.util.concurrent.atomic.AtomicInteger();

    private WireClient(TransportConfig config, InetAddress lma, int lmaPort) throws Exception {
        this.transport = SignalingTransports.open(config, this::onDatagram);
        this.lma = lma;
        this.lmaPort = lmaPort;
    }

    /** Over RFC 5844 UDP from {@code local}:ephemeral to the LMA. */
    static WireClient udp(String local, java.net.InetSocketAddress lma) throws Exception {
        return new WireClient(TransportConfig.udpIpv4(InetAddress.getByName(local), 0), lma.getAddress(), lma.getPort());
    }

    /** Raw Mobility Header from ::1 to the LMA on {@code lma}. */
    static WireClient mh(InetAddress lma) throws Exception {
        return new WireClient(TransportConfig.mhIpv6(InetAddress.getByName("::1")), lma, 0);
    }

    private void onDatagram(InboundDatagram d) {
        try {
            DecodeContext context = d.kind() == TransportKind.MH_IPV6
                    ? DecodeContext.ipv6((Inet6Address) d.source(), (Inet6Address) d.destination(), DecodeMode.STRICT)
                    : DecodeContext.ipv4Udp(DecodeMode.STRICT);
            received.add(MobilityHeaderDecoder.decode(d.payload(), context).message());
        } catch (Exception e) {
            // A raw socket also sees the test's own malformed datagrams; the LMA's answers are checked
            // by the expectations (one that does not decode strictly never matches).
            undecodable.incrementAndGet();
        }
    }

    void send(MobilityMessage message) {
        send(encode(message));
    }

    /** Over UDP to another LMA address than the client's own, e.g. another node of the cluster. */
    void sendTo(java.net.InetSocketAddress to, MobilityMessage message) {
        if (!transport.send(OutboundDatagram.to(to.getAddress(), to.getPort(),
                MobilityHeaderEncoder.encodeForIpv4Udp(message)))) {
            throw new AssertionError("transport refused a datagram to " + to);
        }
    }

    /** An initial attachment over a new interface (RFC 5213 section 5.3.1), sequence-number ordered. */
    static ProxyBindingUpdate attachment(String mnId, int sequence, String linkLayerHex) {
        return ProxyBindingUpdate.of(sequence, 100, List.of(
                MobileNodeIdentifier.nai(mnId),
                new HomeNetworkPrefixOption(Ipv6Prefix.UNSPECIFIED),
                HandoffIndicatorOption.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE),
                AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11),
                new MobileNodeLinkLayerIdentifier(Bytes.fromHex(linkLayerHex))));
    }

    byte[] encode(MobilityMessage message) {
        return transport.kind() == TransportKind.MH_IPV6
                ? MobilityHeaderEncoder.encode(message, (Inet6Address) transport.localAddress(), (Inet6Address) lma)
                : MobilityHeaderEncoder.encodeForIpv4Udp(message);
    }

    void send(byte[] bytes) {
        OutboundDatagram d = transport.kind() == TransportKind.MH_IPV6
                ? new OutboundDatagram(bytes, lma, 0, transport.localAddress())
                : OutboundDatagram.to(lma, lmaPort, bytes);
        if (!transport.send(d)) {
            throw new AssertionError("transport refused " + d);
        }
    }

    /** The next received message of this type matching {@code filter}; others are skipped. */
    <T extends MobilityMessage> T expect(Class<T> type, Predicate<T> filter, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            MobilityMessage m = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (m == null) {
                throw new AssertionError("no matching " + type.getSimpleName() + " within " + within);
            }
            if (type.isInstance(m) && filter.test(type.cast(m))) {
                return type.cast(m);
            }
        }
    }

    /** Asserts nothing of this type matching {@code filter} arrives within {@code quiet}. */
    <T extends MobilityMessage> void expectNone(Class<T> type, Predicate<T> filter, Duration quiet)
            throws InterruptedException {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            MobilityMessage m = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (m == null) {
                return;
            }
            if (type.isInstance(m) && filter.test(type.cast(m))) {
                throw new AssertionError("unexpected " + m);
            }
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
