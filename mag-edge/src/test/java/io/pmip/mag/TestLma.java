package io.pmip.mag;

import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.codec.DecodeContext;
import io.pmip.protocol.codec.DecodeMode;
import io.pmip.protocol.codec.MobilityHeaderDecodeException;
import io.pmip.protocol.codec.MobilityHeaderDecoder;
import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobileNodeLinkLayerIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.RestartCounter;
import io.pmip.protocol.mh.option.Timestamp;
import io.pmip.protocol.transport.InboundDatagram;
import io.pmip.protocol.transport.OutboundDatagram;
import io.pmip.protocol.transport.SignalingTransport;
import io.pmip.protocol.transport.SignalingTransports;
import io.pmip.protocol.transport.TransportConfig;
import io.pmip.protocol.transport.TransportKind;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small LMA peer for tests: a real UDP transport on 127.0.0.1, real PBAs built by the codec,
 * behaviour set per test. It decodes what it receives STRICTLY, so a MAG message that breaks a
 * wire rule shows up in {@link #decodeFailures()}.
 */
final class TestLma implements AutoCloseable {
    /** One decoded message and where and when it came from. */
    record Received(MobilityMessage message, InboundDatagram datagram, long atNanos) {
        <T extends MobilityMessage> T as(Class<T> type) {
            return type.cast(message);
        }
    }

    private final SignalingTransport transport;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<String> decodeFailures = new CopyOnWriteArrayList<>();
    private final Map<String, Ipv6Prefix> prefixes = new ConcurrentHashMap<>();
    private final AtomicInteger nextPrefix = new AtomicInteger(1);

    /** PBUs still to drop, unanswered, to make the MAG retransmit. */
    final AtomicInteger dropPbus = new AtomicInteger();
    /** Status for per-mobile-node registrations; 0 accepts. */
    volatile int registrationStatus;
    /** Answer the next registration with TIMESTAMP_MISMATCH carrying this LMA time, once. */
    volatile Timestamp mismatchOnceWithTime;
    /** Status for bulk PBUs; 0 accepts. */
    volatile int bulkStatus;
    /** Echo the Mobile Node Group Identifier, accepting the membership (RFC 6602 section 4.1). */
    volatile boolean acceptGroups = true;
    volatile boolean answerHeartbeats = true;
    volatile long restartCounter = 1;
    /** Answer a PBU carrying Redirect-Capability with a Redirect option naming this address (RFC 6463). */
    volatile java.net.Inet4Address redirectTo;

    private TestLma(TransportConfig config) throws Exception {
        transport = SignalingTransports.open(config, this::onDatagram);
    }

    /** Over IPv4/UDP on 127.0.0.1, an ephemeral port. */
    static TestLma open() throws Exception {
        return new TestLma(TransportConfig.udpIpv4(InetAddress.getByName("127.0.0.1"), 0));
    }

    /** Over the raw IPv6 Mobility Header transport (needs CAP_NET_RAW). */
    static TestLma open(TransportConfig config) throws Exception {
        return new TestLma(config);
    }

    InetAddress address() {
        return transport.localAddress();
    }

    int port() {
        return transport.localPort();
    }

    List<String> decodeFailures() {
        return decodeFailures;
    }

    /** The prefix this LMA assigned to a mobile node. */
    Ipv6Prefix prefixOf(String mnId) {
        return prefixes.get(mnId);
    }

    /** Next message of the given type; others are skipped. Fails after {@code timeout}. */
    Received next(Class<? extends MobilityMessage> type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Received r = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + timeout);
            }
            if (type.isInstance(r.message())) {
                return r;
            }
        }
    }

    Received nextPbu(Duration timeout) throws InterruptedException {
        return next(ProxyBindingUpdate.class, timeout);
    }

    /** Every PBU arriving within {@code window}. */
    List<Received> pbusWithin(Duration window) throws InterruptedException {
        List<Received> all = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            Received r = received.poll(left, TimeUnit.NANOSECONDS);
            if (r != null && r.message() instanceof ProxyBindingUpdate) {
                all.add(r);
            }
        }
        return all;
    }

    void send(MobilityMessage message, InetAddress to, int port) {
        sendRaw(encode(message, transport.localAddress(), to), to, port);
    }

    private byte[] encode(MobilityMessage message, InetAddress from, InetAddress to) {
        return transport.kind() == TransportKind.MH_IPV6
                ? MobilityHeaderEncoder.encode(message, (Inet6Address) from, (Inet6Address) to)
                : MobilityHeaderEncoder.encodeForIpv4Udp(message);
    }

    void sendRaw(byte[] bytes, InetAddress to, int port) {
        if (!transport.send(OutboundDatagram.to(to, port, bytes))) {
            throw new AssertionError("test LMA could not send");
        }
    }

    private void onDatagram(InboundDatagram datagram) {
        MobilityMessage message;
        try {
            DecodeContext context = datagram.kind() == TransportKind.MH_IPV6
                    ? DecodeContext.ipv6((Inet6Address) datagram.source(), (Inet6Address) datagram.destination(),
                            DecodeMode.STRICT)
                    : DecodeContext.ipv4Udp(DecodeMode.STRICT);
            message = MobilityHeaderDecoder.decode(datagram.payload(), context).message();
        } catch (MobilityHeaderDecodeException e) {
            decodeFailures.add(e.getMessage());
            return;
        }
        received.add(new Received(message, datagram, System.nanoTime()));
        if (message instanceof ProxyBindingUpdate pbu) {
            onPbu(pbu, datagram);
        } else if (message instanceof Heartbeat hb && !hb.response() && answerHeartbeats) {
            reply(datagram, Heartbeat.response(hb.sequence(), false, List.of(new RestartCounter(restartCounter))));
        }
    }

    private void onPbu(ProxyBindingUpdate pbu, InboundDatagram datagram) {
        if (dropPbus.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return;
        }
        if (pbu.bulkBindingUpdate()) {
            List<MobilityOption> options = new ArrayList<>(pbu.optionsOf(MobileNodeGroupIdentifier.class));
            options.addAll(pbu.optionsOf(Timestamp.class));
            reply(datagram, ProxyBindingAcknowledgement.fromFlags(bulkStatus,
                    ProxyBindingAcknowledgement.FLAG_P | ProxyBindingAcknowledgement.FLAG_B, pbu.sequence(),
                    bulkStatus == 0 ? pbu.lifetime() : 0, options));
            return;
        }
        String mnId = pbu.option(MobileNodeIdentifier.class).flatMap(MobileNodeIdentifier::naiText).orElseThrow();
        List<MobilityOption> options = new ArrayList<>();
        options.add(MobileNodeIdentifier.nai(mnId));
        Timestamp mismatch = mismatchOnceWithTime;
        if (mismatch != null && pbu.lifetime() > 0) {
            mismatchOnceWithTime = null;
            // RFC 5213 section 5.5: the rejection carries the LMA's current time.
            options.add(mismatch);
            reply(datagram, ProxyBindingAcknowledgement.fromFlags(156, ProxyBindingAcknowledgement.FLAG_P,
                    pbu.sequence(), 0, options));
            return;
        }
        int status = pbu.lifetime() == 0 ? 0 : registrationStatus;
        for (HomeNetworkPrefixOption requested : pbu.optionsOf(HomeNetworkPrefixOption.class)) {
            Ipv6Prefix prefix = requested.prefix().isUnspecified()
                    ? prefixes.computeIfAbsent(mnId, k -> Ipv6Prefix.parse("2001:db8:" + Integer.toHexString(
                            nextPrefix.getAndIncrement()) + "::/64"))
                    : requested.prefix();
            options.add(new HomeNetworkPrefixOption(prefix));
        }
        options.addAll(pbu.optionsOf(HandoffIndicatorOption.class));
        options.addAll(pbu.optionsOf(AccessTechnologyTypeOption.class));
        options.addAll(pbu.optionsOf(Timestamp.class));
        options.addAll(pbu.optionsOf(MobileNodeLinkLayerIdentifier.class));
        if (acceptGroups) {
            options.addAll(pbu.optionsOf(MobileNodeGroupIdentifier.class));
        }
        java.net.Inet4Address redirect = redirectTo;
        if (redirect != null && pbu.option(io.pmip.protocol.mh.option.RedirectCapability.class).isPresent()) {
            options.add(io.pmip.protocol.mh.option.Redirect.toIpv4(redirect));
        }
        reply(datagram, ProxyBindingAcknowledgement.fromFlags(status, ProxyBindingAcknowledgement.FLAG_P,
                pbu.sequence(), status < 128 ? pbu.lifetime() : 0, options));
    }

    private void reply(InboundDatagram to, MobilityMessage message) {
        transport.send(to.reply(encode(message, to.destination(), to.source())));
    }

    @Override
    public void close() {
        transport.close();
    }
}
