package io.pmip.mag;

import io.pmip.protocol.codec.DecodeContext;
import io.pmip.protocol.codec.DecodeMode;
import io.pmip.protocol.codec.MobilityHeaderDecodeException;
import io.pmip.protocol.codec.MobilityHeaderDecoder;
import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.transport.InboundDatagram;
import io.pmip.protocol.transport.OutboundDatagram;
import io.pmip.protocol.transport.SignalingTransport;
import io.pmip.protocol.transport.SignalingTransports;
import io.pmip.protocol.transport.TransportConfig;
import io.pmip.protocol.transport.TransportException;
import io.pmip.protocol.transport.TransportKind;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The node-level side of the MAGs of one process: owns one {@link SignalingTransport}, encodes
 * what the MAG actors send, decodes what arrives (checksum verified on IPv6) and routes each
 * message to the MAG actors it concerns: PBAs by MN-Identifier (a mobile node may briefly be
 * held by two MAGs during a handoff: both get it and match their own sequence numbers), the rest
 * by the address they were sent to (the MAG's Proxy-CoA). Several MAG actors may share one node;
 * give each its own Proxy-CoA (e.g. 127.0.0.x, one node per address over UDP) when revocations
 * must tell apart two MAGs holding the same mobile node.
 * Malformed datagrams are counted and dropped.
 */
public final class MagNode implements AutoCloseable {
    private final SignalingTransport transport;
    private final DecodeMode decodeMode;
    private final MagNodeTap tap;
    private final MagNodeStats stats = new MagNodeStats();
    private final Map<String, Set<ActorRef<MagCommand>>> byMobileNode = new ConcurrentHashMap<>();
    private final Map<InetAddress, Set<ActorRef<MagCommand>>> byProxyCoa = new ConcurrentHashMap<>();
    // One counter for every MAG here, so two MAGs holding one mobile node never share a number.
    private final AtomicInteger sequences = new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000));
    private final AtomicLong heartbeatSequences = new AtomicLong(ThreadLocalRandom.current().nextInt() & 0xffffL);

    private MagNode(TransportConfig config, DecodeMode decodeMode, MagNodeTap tap) throws TransportException {
        this.decodeMode = decodeMode;
        this.tap = tap;
        this.transport = SignalingTransports.open(config, this::onDatagram);
    }

    /** Opens the transport; inbound messages are decoded leniently (what real peers send). */
    public static MagNode open(TransportConfig config) throws TransportException {
        return open(config, DecodeMode.LENIENT);
    }

    public static MagNode open(TransportConfig config, DecodeMode decodeMode) throws TransportException {
        return new MagNode(config, decodeMode, MagNodeTap.NONE);
    }

    /** With a {@link MagNodeTap} that sees every datagram sent and received (e.g. the simulator's pcap). */
    public static MagNode open(TransportConfig config, DecodeMode decodeMode, MagNodeTap tap) throws TransportException {
        return new MagNode(config, decodeMode, java.util.Objects.requireNonNull(tap, "tap"));
    }

    public SignalingTransport transport() {
        return transport;
    }

    public MagNodeStats stats() {
        return stats;
    }

    /** Connects a MAG actor: its messages leave from its Proxy-CoA, datagrams to it are routed to it. */
    MagLink link(MagConfig config, ActorRef<MagCommand> mag) {
        checkFamily(config.proxyCareOfAddress());
        checkFamily(config.lmaAddress());
        if (transport.kind() == TransportKind.UDP_IPV4 && !config.proxyCareOfAddress().equals(transport.localAddress())) {
            throw new IllegalArgumentException("over UDP the Proxy-CoA must be the node's bound address "
                    + transport.localAddress().getHostAddress() + ", got " + config.proxyCareOfAddress().getHostAddress());
        }
        byProxyCoa.computeIfAbsent(config.proxyCareOfAddress(), a -> new CopyOnWriteArraySet<>()).add(mag);
        return new MagLink(config, mag);
    }

    private void checkFamily(InetAddress address) {
        boolean ipv6 = address instanceof Inet6Address;
        if (ipv6 != (transport.kind() == TransportKind.MH_IPV6)) {
            throw new IllegalArgumentException(address.getHostAddress() + " does not fit transport " + transport.kind());
        }
    }

    private void onDatagram(InboundDatagram datagram) {
        tap.received(datagram);
        MobilityMessage message;
        try {
            message = MobilityHeaderDecoder.decode(datagram.payload(), context(datagram)).message();
        } catch (MobilityHeaderDecodeException | RuntimeException e) {
            stats.countMalformed();
            return;
        }
        List<ActorRef<MagCommand>> targets;
        MagCommand command;
        if (message instanceof ProxyBindingAcknowledgement pba) {
            command = new MagCommand.PbaReceived(pba, System.nanoTime());
            Optional<String> mnId = mobileNode(pba);
            // A bulk PBA names no mobile node (RFC 6602 section 4.2): the MAGs on the address match its group.
            targets = mnId.isPresent() ? holders(mnId.get()) : List.copyOf(magsOn(datagram.destination()));
        } else if (message instanceof Heartbeat hb) {
            command = new MagCommand.HeartbeatReceived(hb, datagram.source(), datagram.sourcePort());
            // One answer per address to a request; a response may be awaited by any MAG on the address.
            targets = hb.response() ? List.copyOf(magsOn(datagram.destination())) : first(magsOn(datagram.destination()));
        } else if (message instanceof BindingRevocationIndication bri) {
            command = new MagCommand.RevocationReceived(bri, datagram.source(), datagram.sourcePort());
            targets = revocationTargets(bri, datagram.destination());
        } else {
            stats.countUnhandledType();
            return;
        }
        if (targets.isEmpty()) {
            stats.countUnroutable();
            return;
        }
        stats.countRouted();
        targets.forEach(t -> t.tell(command));
    }

    /**
     * The MAGs on the destination address that hold the named mobile node; when none does (or no
     * node is named: a global or group revocation), one MAG on that address, which answers.
     */
    private List<ActorRef<MagCommand>> revocationTargets(BindingRevocationIndication bri, InetAddress destination) {
        Set<ActorRef<MagCommand>> onAddress = magsOn(destination);
        if (bri.global() || bri.optionsOf(MobileNodeIdentifier.class).size() > 1) {
            return List.copyOf(onAddress);
        }
        Optional<String> mnId = mobileNode(bri);
        if (mnId.isPresent()) {
            List<ActorRef<MagCommand>> holding = holders(mnId.get()).stream().filter(onAddress::contains).toList();
            if (!holding.isEmpty()) {
                return holding;
            }
            return first(onAddress);
        }
        return List.copyOf(onAddress);
    }

    private List<ActorRef<MagCommand>> holders(String mnId) {
        return List.copyOf(byMobileNode.getOrDefault(mnId, Set.of()));
    }

    private Set<ActorRef<MagCommand>> magsOn(InetAddress address) {
        return byProxyCoa.getOrDefault(address, Set.of());
    }

    private static List<ActorRef<MagCommand>> first(Set<ActorRef<MagCommand>> mags) {
        return mags.stream().limit(1).toList();
    }

    private DecodeContext context(InboundDatagram datagram) {
        if (datagram.kind() == TransportKind.MH_IPV6) {
            return DecodeContext.ipv6((Inet6Address) datagram.source(), (Inet6Address) datagram.destination(),
                    decodeMode);
        }
        return DecodeContext.ipv4Udp(decodeMode);
    }

    private static Optional<String> mobileNode(MobilityMessage message) {
        return message.option(MobileNodeIdentifier.class).flatMap(MobileNodeIdentifier::naiText);
    }

    @Override
    public void close() {
        transport.close();
    }

    /** What one MAG actor may do with its node. Used only on that actor's thread. */
    final class MagLink {
        private final MagConfig config;
        private final ActorRef<MagCommand> mag;

        private MagLink(MagConfig config, ActorRef<MagCommand> mag) {
            this.config = config;
            this.mag = mag;
        }

        /** False when the transport refused it (counted there). */
        boolean sendTo(MobilityMessage message, InetAddress destination, int port) {
            if (transport.kind() == TransportKind.MH_IPV6) {
                byte[] bytes = MobilityHeaderEncoder.encode(message, (Inet6Address) config.proxyCareOfAddress(),
                        (Inet6Address) destination);
                return send(new OutboundDatagram(bytes, destination, 0, config.proxyCareOfAddress()));
            }
            return send(OutboundDatagram.to(destination, port, MobilityHeaderEncoder.encodeForIpv4Udp(message)));
        }

        private boolean send(OutboundDatagram datagram) {
            boolean accepted = transport.send(datagram);
            tap.sent(transport, datagram, accepted);
            return accepted;
        }

        /** Next PBU Sequence Number (16 bits, wrapping; RFC 6275 section 6.1.7). */
        int nextSequence() {
            return sequences.incrementAndGet() & 0xffff;
        }

        /** Next Heartbeat Sequence Number (32 bits, wrapping; RFC 5847 section 5.1). */
        long nextHeartbeatSequence() {
            return heartbeatSequences.incrementAndGet() & 0xffffffffL;
        }

        void bindMobileNode(String mnId) {
            byMobileNode.computeIfAbsent(mnId, k -> new CopyOnWriteArraySet<>()).add(mag);
        }

        void unbindMobileNode(String mnId) {
            byMobileNode.computeIfPresent(mnId, (k, mags) -> {
                mags.remove(mag);
                return mags.isEmpty() ? null : mags;
            });
        }

        /** The MAG stopped: forget every route to it. */
        void close() {
            byMobileNode.keySet().forEach(this::unbindMobileNode);
            Set<ActorRef<MagCommand>> mags = byProxyCoa.get(config.proxyCareOfAddress());
            if (mags != null) {
                mags.remove(mag);
            }
        }
    }
}
