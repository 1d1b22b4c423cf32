package io.pmip.lma.signaling;

import io.pmip.lma.Addresses;
import io.pmip.lma.BindingShard;
import io.pmip.lma.PbaDecision;
import io.pmip.lma.PbuRequest;
import io.pmip.lma.bulk.BulkRequest;
import io.pmip.lma.bulk.BulkTranslation;
import io.pmip.lma.metrics.LmaMetrics;
import io.pmip.lma.metrics.MetricKey;
import io.pmip.lma.policy.LmaPolicy;
import io.pmip.lma.redirect.Redirection;
import io.pmip.protocol.codec.DecodeContext;
import io.pmip.protocol.codec.DecodeResult;
import io.pmip.protocol.codec.DecodeWarning;
import io.pmip.protocol.codec.MobilityHeaderDecodeException;
import io.pmip.protocol.codec.MobilityHeaderDecoder;
import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.BindingError;
import io.pmip.protocol.mh.BindingErrorStatus;
import io.pmip.protocol.mh.BindingRevocationAcknowledgement;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.UnknownMessage;
import io.pmip.protocol.mh.option.Redirect;
import io.pmip.protocol.mh.option.RestartCounter;
import io.pmip.protocol.mh.option.Timestamp;
import io.pmip.protocol.transport.InboundDatagram;
import io.pmip.protocol.transport.OutboundDatagram;
import io.pmip.protocol.transport.SignalingTransport;
import io.pmip.protocol.transport.SignalingTransports;
import io.pmip.protocol.transport.TransportConfig;
import io.pmip.protocol.transport.TransportException;
import io.pmip.protocol.transport.TransportKind;
import io.pmip.protocol.validation.ProxyBindingUpdateValidator;
import io.pmip.protocol.validation.ValidationResult;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LMA's signaling front: receives Mobility Headers on every configured transport, answers what
 * needs no binding state on the receive thread, and hands Proxy Binding Updates to their binding
 * entity without waiting for it (the PBA is sent from the entity's completion callback).
 */
public final class SignalingIngress implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SignalingIngress.class);
    private static final Inet6Address UNSPECIFIED = unspecified();
    /** RFC 5844 section 3.1.1: the UDP port of Mobility Header over IPv4 (IANA). */
    private static final int PMIP_UDP_PORT = 5436;

    private final BindingShard shard;
    private final LmaMetrics metrics;
    private final SignalingSettings settings;
    private final long restartCounter;
    private final Clock clock;
    private final ProxyBindingUpdateValidator validator;
    private final Admission admission;
    private final RateLimit bindingErrors;
    private final Map<TransportKind, SignalingTransport> transports = new EnumMap<>(TransportKind.class);
    private final PendingRevocations revocations = new PendingRevocations();
    /** Where each authorized MAG last sent a PBU from, so the LMA can start an exchange with it. */
    private final Map<String, MagContact> magContacts = new ConcurrentHashMap<>();
    private volatile MagSignals magSignals = MagSignals.NONE;
    /** This node's own (non-anycast) sockets, by kind: redirect targets and the source of its BRIs. */
    private final Map<TransportKind, SignalingTransport> unicast = new EnumMap<>(TransportKind.class);
    private volatile Redirection redirection;
    /** Publishes a BRA this node has no indication for to the other nodes; null when alone. */
    private volatile Consumer<AcknowledgementRelay.Relayed> acknowledgementRelay;
    private volatile String nodeName = "";

    /** How a MAG was last reached: its transport, source port, the LMA address it used, and when. */
    public record MagContact(TransportKind kind, InetAddress mag, int port, InetAddress lmaAddress, Instant lastSeen) {
    }

    private SignalingIngress(BindingShard shard, LmaMetrics metrics, SignalingSettings settings, long restartCounter,
            Clock clock) {
        this.shard = shard;
        this.metrics = metrics;
        this.settings = settings;
        this.restartCounter = restartCounter;
        this.clock = clock;
        this.validator = settings.requireTimestamp() ? ProxyBindingUpdateValidator.timestampBased()
                : ProxyBindingUpdateValidator.sequenceBased();
        this.bindingErrors = new RateLimit(settings.bindingErrorsPerSecond());
        this.admission = new Admission(settings.maxInFlight(), settings.maxNewRegistrationsInFlight());
    }

    /**
     * Opens one transport per config (at most one of each kind) and starts answering.
     *
     * @param restartCounter this node's RFC 5847 Restart Counter, sent in Heartbeat responses
     * @throws TransportException when a socket cannot be opened; those opened before are closed
     */
    public static SignalingIngress open(List<TransportConfig> configs, BindingShard shard, LmaMetrics metrics,
            SignalingSettings settings, long restartCounter, Clock clock) throws TransportException {
        SignalingIngress ingress = new SignalingIngress(shard, metrics, settings, restartCounter, clock);
        try {
            for (TransportConfig config : configs) {
                if (ingress.transports.containsKey(config.kind())) {
                    throw new IllegalArgumentException("two " + config.kind() + " transports configured");
                }
                SignalingTransport transport = ingress.openTransport(config);
                synchronized (ingress.transports) {
                    ingress.transports.put(config.kind(), transport);
                }
            }
        } catch (TransportException | RuntimeException e) {
            ingress.close();
            throw e;
        }
        return ingress;
    }

    /**
     * Opens this node's unicast socket of {@code config.kind()} next to the shared anycast one:
     * MAGs redirected here (RFC 6463) reach it, and BRIs leave from it so their BRAs come back to
     * this node and not to whichever node shares the anycast port.
     *
     * @throws TransportException when the socket cannot be opened
     */
    private SignalingTransport openTransport(TransportConfig config) throws TransportException {
        SignalingTransport transport = SignalingTransports.open(config
                .withSendQueueCapacity(settings.sendQueueCapacity())
                .withReceiveBufferBytes(settings.receiveBufferBytes()), this::onDatagram);
        if (settings.receiveBufferBytes() > 0 && transport.receiveBufferBytes() < settings.receiveBufferBytes()) {
            log.warn("{} socket on {}: SO_RCVBUF {} granted for receive-buffer-bytes {}; raise net.core.rmem_max",
                    config.kind(), config.localAddress().getHostAddress(), transport.receiveBufferBytes(),
                    settings.receiveBufferBytes());
        }
        return transport;
    }

    public void openUnicast(TransportConfig config) throws TransportException {
        SignalingTransport transport = openTransport(config.withReusePort(false));
        synchronized (transports) {
            SignalingTransport previous = unicast.put(config.kind(), transport);
            if (previous != null) {
                previous.close();
            }
        }
    }

    /** Redirects PBUs with Redirect-Capability that reach the anycast address (RFC 6463); off until set. */
    public void enableRedirection(Redirection redirection) {
        this.redirection = redirection;
    }

    /** The bound unicast UDP address, or null when the node has none. */
    public InetSocketAddress unicastUdpAddress() {
        SignalingTransport t;
        synchronized (transports) {
            t = unicast.get(TransportKind.UDP_IPV4);
        }
        return t == null ? null : new InetSocketAddress(t.localAddress(), t.localPort());
    }

    /** The bound UDP address, or null when UDP is not enabled. */
    public InetSocketAddress udpAddress() {
        SignalingTransport t = transport(TransportKind.UDP_IPV4);
        return t == null ? null : new InetSocketAddress(t.localAddress(), t.localPort());
    }

    /** The bound raw Mobility Header address, or null when MH is not enabled. */
    public InetAddress mhAddress() {
        SignalingTransport t = transport(TransportKind.MH_IPV6);
        return t == null ? null : t.localAddress();
    }

    /** PBUs handed to binding entities and not answered yet. */
    public int inFlight() {
        return admission.inFlight();
    }

    /** Of {@link #inFlight()}, the new registrations (their own, lower limit). */
    public int newRegistrationsInFlight() {
        return admission.newRegistrationsInFlight();
    }

    /** The MAGs this node received a PBU from (from an authorized MAG), by address; this node only. */
    public Map<String, MagContact> magContacts() {
        return Map.copyOf(magContacts);
    }

    /** Who hears of the MAGs this node receives signaling from (the heartbeat peers); replaces the previous. */
    public void attach(MagSignals signals) {
        this.magSignals = signals;
    }

    /** Where BRAs for other nodes' indications go (see {@link AcknowledgementRelay}); {@code self} names this node. */
    void relayAcknowledgements(Consumer<AcknowledgementRelay.Relayed> relay, String self) {
        this.nodeName = self;
        this.acknowledgementRelay = relay;
    }

    /** A BRA another node received and had no indication for: perhaps it answers one of ours. */
    void onRelayedAcknowledgement(AcknowledgementRelay.Relayed relayed) {
        TransportKind kind;
        BindingRevocationAcknowledgement bra;
        try {
            kind = TransportKind.valueOf(relayed.transport());
            // The receiving node verified the checksum against the addresses it saw; they are not relayed.
            DecodeContext context = kind == TransportKind.UDP_IPV4 ? DecodeContext.ipv4Udp(settings.decodeMode())
                    : DecodeContext.ipv6WithoutAddresses(settings.decodeMode());
            if (!(MobilityHeaderDecoder.decode(relayed.message(), context).message()
                    instanceof BindingRevocationAcknowledgement decoded)) {
                metrics.dropped("relayed_not_bra");
                return;
            }
            bra = decoded;
        } catch (MobilityHeaderDecodeException | IllegalArgumentException e) {
            metrics.dropped("relayed_not_bra");
            return;
        }
        if (revocations.acknowledge(relayed.mag(), bra)) {
            metrics.increment(MetricKey.of("revocation_ack_relayed", "outcome", "matched"));
        }
    }

    /**
     * Sends a Binding Revocation Indication to a MAG from the LMA address the MAG last used (RFC 5846
     * section 6.1) and completes with its acknowledgement, matched by Sequence Number (section 6.2).
     * A MAG that never sent this node a PBU is reached on UDP port 5436 (IPv4, RFC 5844) or raw MH (IPv6).
     *
     * @param indication builds the BRI for the sequence number this node picked
     * @return completes exceptionally with a {@link java.util.concurrent.TimeoutException} when no BRA
     *         arrives within {@code timeout}, with an {@link IllegalStateException} when it cannot be sent
     */
    public CompletionStage<BindingRevocationAcknowledgement> revoke(String mag,
            IntFunction<BindingRevocationIndication> indication, Duration timeout) {
        InetAddress destination;
        try {
            destination = InetAddress.getByName(mag);
        } catch (java.net.UnknownHostException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("MAG address not an IP literal: " + mag));
        }
        MagContact contact = magContacts.get(Addresses.canonical(destination));
        TransportKind kind = contact != null ? contact.kind()
                : destination instanceof Inet6Address ? TransportKind.MH_IPV6 : TransportKind.UDP_IPV4;
        SignalingTransport own = ownTransport(kind);
        SignalingTransport transport = own != null ? own : transport(kind);
        if (transport == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no " + kind + " transport to reach " + mag));
        }
        PendingRevocations.Pending pending = revocations.register(Addresses.canonical(destination), timeout);
        BindingRevocationIndication bri = indication.apply(pending.sequence());
        // From this node's own address when it has one: the BRA then comes back here (RFC 5846 section 6.2).
        InetAddress source = own != null ? own.localAddress() : contact != null ? contact.lmaAddress() : null;
        int port = contact != null ? contact.port() : PMIP_UDP_PORT;
        if (!send(transport, kind, destination, port, source, bri, bri.revocationTriggerCode())) {
            revocations.cancel(pending.sequence(), new IllegalStateException("send queue refused the BRI to " + mag));
        }
        return pending.acknowledged();
    }

    /**
     * Sends a message the LMA initiates (a BRI, a Heartbeat request of RFC 5847 section 3.1) to a MAG on
     * {@code kind}, from {@code lmaAddress} (the address the MAG used; null: the transport's own).
     *
     * @param status the status label the sent counter gets
     * @return false when there is no such transport or its send queue refused the datagram (counted)
     */
    public boolean sendToMag(TransportKind kind, InetAddress mag, int port, InetAddress lmaAddress,
            MobilityMessage message, int status) {
        return send(transport(kind), kind, mag, port, lmaAddress, message, status);
    }

    private boolean send(SignalingTransport transport, TransportKind kind, InetAddress mag, int port,
            InetAddress lmaAddress, MobilityMessage message, int status) {
        if (transport == null) {
            metrics.sendFailed(message.mhType());
            return false;
        }
        byte[] bytes;
        if (kind == TransportKind.MH_IPV6) {
            Inet6Address from = (Inet6Address) (lmaAddress != null ? lmaAddress : transport.localAddress());
            bytes = MobilityHeaderEncoder.encode(message, from, (Inet6Address) mag);
        } else {
            bytes = MobilityHeaderEncoder.encodeForIpv4Udp(message);
        }
        if (transport.send(new OutboundDatagram(bytes, mag, port, lmaAddress))) {
            metrics.sent(message.mhType(), status);
            return true;
        }
        metrics.sendFailed(message.mhType());
        return false;
    }

    /** Stops receiving and sending on every transport; idempotent. */
    @Override
    public void close() {
        List<SignalingTransport> open;
        synchronized (transports) {
            open = new ArrayList<>(transports.values());
            open.addAll(unicast.values());
            transports.clear();
            unicast.clear();
        }
        open.forEach(SignalingTransport::close);
    }

    private SignalingTransport transport(TransportKind kind) {
        synchronized (transports) {
            return transports.get(kind);
        }
    }

    private SignalingTransport ownTransport(TransportKind kind) {
        synchronized (transports) {
            return unicast.get(kind);
        }
    }

    /** The socket a datagram arrived on, so the answer leaves from the address the MAG used. */
    private SignalingTransport arrivalTransport(InboundDatagram datagram) {
        SignalingTransport own = ownTransport(datagram.kind());
        if (own != null && own.localAddress().equals(datagram.destination())
                && own.localPort() == datagram.destinationPort()) {
            return own;
        }
        return transport(datagram.kind());
    }

    // Runs on a transport's receive thread: decodes and dispatches, never waits for an entity.
    void onDatagram(InboundDatagram datagram) {
        long receivedNanos = System.nanoTime();
        DecodeResult decoded;
        try {
            decoded = MobilityHeaderDecoder.decode(datagram.payload(), context(datagram));
        } catch (MobilityHeaderDecodeException e) {
            metrics.malformed(e.rule());
            log.debug("malformed Mobility Header from {}: {}", datagram.source().getHostAddress(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            metrics.dropped("decoder_error");
            log.warn("decoder failed on a datagram from {}", datagram.source().getHostAddress(), e);
            return;
        }
        for (DecodeWarning w : decoded.warnings()) {
            metrics.decodeWarning(w.rule());
        }
        MobilityMessage message = decoded.message();
        metrics.received(message.mhType());
        try {
            dispatch(message, datagram, receivedNanos);
        } catch (RuntimeException e) {
            // One bad message never stops the receive loop; counted, logged, dropped.
            metrics.dropped("handler_error");
            log.warn("failed to handle {} from {}", LmaMetrics.typeName(message.mhType()),
                    datagram.source().getHostAddress(), e);
        }
    }

    private void dispatch(MobilityMessage message, InboundDatagram datagram, long receivedNanos) {
        if (message instanceof ProxyBindingUpdate pbu) {
            onBindingUpdate(pbu, datagram, receivedNanos);
        } else if (message instanceof Heartbeat hb && !hb.response()) {
            onHeartbeatRequest(hb, datagram);
        } else if (message instanceof Heartbeat hb) {
            // RFC 5847 section 3.1: the answer to a request of this LMA; the MAG's peer entity matches it.
            if (shard.policy().magPeers().isAuthorized(datagram.source().getHostAddress())) {
                magSignals.heartbeatResponse(Addresses.canonical(datagram.source()), hb, datagram.receivedAt());
            } else {
                metrics.dropped("unauthorized_mag"); // no peer entity for a sender that may not be a peer
            }
        } else if (message instanceof BindingRevocationAcknowledgement bra) {
            String mag = Addresses.canonical(datagram.source());
            if (!revocations.acknowledge(mag, bra)) {
                Consumer<AcknowledgementRelay.Relayed> relay = acknowledgementRelay;
                if (!shard.policy().magPeers().isAuthorized(mag)) {
                    metrics.dropped("unauthorized_mag"); // never fanned out to the cluster
                } else if (relay != null) {
                    relay.accept(new AcknowledgementRelay.Relayed(nodeName, mag, datagram.kind().name(),
                            datagram.payload()));
                    metrics.increment(MetricKey.of("revocation_ack_relayed", "outcome", "published"));
                } else {
                    metrics.dropped("unexpected_bra"); // late (after the timeout) or never asked for
                }
            }
        } else if (message instanceof UnknownMessage) {
            onUnknownType(datagram);
        } else {
            // PBAs, BEs: nothing an LMA answers.
            metrics.dropped("unexpected_type");
        }
    }

    private DecodeContext context(InboundDatagram datagram) {
        if (datagram.kind() == TransportKind.UDP_IPV4) {
            return DecodeContext.ipv4Udp(settings.decodeMode());
        }
        // RFC 6275 section 6.1.1: the checksum covers the pseudo-header, so both addresses are needed.
        if (datagram.source() instanceof Inet6Address src && datagram.destination() instanceof Inet6Address dst) {
            return DecodeContext.ipv6(src, dst, settings.decodeMode());
        }
        return DecodeContext.ipv6WithoutAddresses(settings.decodeMode());
    }

    private void onBindingUpdate(ProxyBindingUpdate pbu, InboundDatagram datagram, long receivedNanos) {
        if (!pbu.proxyRegistration()) {
            onHostBindingUpdate(pbu, datagram);
            return;
        }
        LmaPolicy policy = shard.policy();
        // RFC 5213 section 5.3.1: the sender is checked before anything in the message is.
        if (!policy.magPeers().isAuthorized(datagram.source().getHostAddress())) {
            reject(datagram, pbu, BindingAckStatus.MAG_NOT_AUTHORIZED_FOR_PROXY_REG, "unauthorized_mag");
            return;
        }
        MagContact contact = new MagContact(datagram.kind(), datagram.source(), datagram.sourcePort(),
                datagram.destination(), datagram.receivedAt());
        magContacts.put(Addresses.canonical(datagram.source()), contact);
        magSignals.observed(contact);
        if (pbu.bulkBindingUpdate()) {
            onBulkBindingUpdate(pbu, datagram, receivedNanos);
            return;
        }
        // RFC 5213 section 5.3.1: the mandatory options (MISSING_* statuses 158/160/161/162).
        if (validator.validate(pbu) instanceof ValidationResult.Rejected rejected) {
            reject(datagram, pbu, rejected.status(), "validation");
            return;
        }
        PbuRequest request;
        try {
            request = PbuTranslation.toRequest(pbu, datagram.source(), datagram.destination());
        } catch (PbuTranslation.UntranslatableException | IllegalArgumentException e) {
            log.debug("PBU from {} not translatable: {}", datagram.source().getHostAddress(), e.getMessage());
            reject(datagram, pbu, BindingAckStatus.REASON_UNSPECIFIED, "bad_request");
            return;
        }
        Optional<LmaPolicy.Refusal> refusal = policy.admit(request.mnId(), request.servingMag(),
                request.accessTechnology());
        if (refusal.isPresent()) {
            reject(datagram, pbu, refusal.get().status(), "policy");
            return;
        }
        boolean newRegistration = Admission.isNewRegistration(request);
        switch (admission.tryAdmit(newRegistration)) {
            case REFUSED_NEW_REGISTRATION -> {
                reject(datagram, pbu, BindingAckStatus.INSUFFICIENT_RESOURCES, "overload");
                return;
            }
            case DROPPED -> {
                // No answer: the MAG retransmits with back-off (RFC 5213 section 6.9.4), which sheds load.
                metrics.dropped("overload");
                return;
            }
            case ADMITTED -> { }
        }
        Redirection redirector = redirection;
        Optional<Redirect> redirect = redirector == null ? Optional.empty()
                : redirector.redirectFor(pbu, datagram.source(), datagram.destination());
        shard.handle(request, settings.entityTimeout()).whenComplete((decision, failure) -> {
            admission.release(newRegistration);
            if (failure != null) {
                onEntityFailure(request.mnId(), failure);
                return;
            }
            try {
                answer(datagram, pbu, decision, redirect, receivedNanos);
            } catch (RuntimeException e) {
                // A completion stage would swallow it: count and log instead.
                metrics.dropped("answer_error");
                log.warn("cannot answer the PBU of {} with {}", request.mnId(), decision, e);
            }
        });
    }

    /** RFC 6602 section 4.2: a bulk PBU (B set) goes to the entity of its group, which answers for every member. */
    private void onBulkBindingUpdate(ProxyBindingUpdate pbu, InboundDatagram datagram, long receivedNanos) {
        if (validator.validate(pbu) instanceof ValidationResult.Rejected rejected) {
            metrics.rejected("bulk_validation", rejected.status());
            send(datagram, BulkTranslation.rejection(pbu, rejected.status()), rejected.status().code());
            return;
        }
        BulkRequest request = BulkTranslation.toRequest(pbu, datagram.source(), datagram.destination());
        if (admission.tryAdmit(false) != Admission.Verdict.ADMITTED) {
            // No answer: the MAG retransmits with back-off (RFC 5213 section 6.9.4).
            metrics.dropped("overload");
            return;
        }
        shard.bulkGroups().handle(request, settings.entityTimeout()).whenComplete((decision, failure) -> {
            admission.release(false);
            if (failure != null) {
                onEntityFailure(request.group().entityId(), failure);
                return;
            }
            metrics.bulk(request.kind(), decision.status());
            if (decision.accepted() && !pbu.acknowledge()) {
                metrics.ignored("a_flag_clear");
                return;
            }
            if (!decision.accepted()) {
                metrics.rejected("bulk_group", decision.status());
            }
            ProxyBindingAcknowledgement pba = BulkTranslation.acknowledgement(decision);
            send(datagram, pba, pba.statusCode());
            metrics.pbaLatency(System.nanoTime() - receivedNanos);
        });
    }

    private void answer(InboundDatagram datagram, ProxyBindingUpdate pbu, PbaDecision decision,
            Optional<Redirect> redirect, long receivedNanos) {
        if (!decision.acknowledge()) {
            // RFC 5213 section 5.3.5: e.g. a late de-registration from a previous MAG is silently ignored.
            metrics.ignored("entity");
            return;
        }
        if (decision.accepted() && !pbu.acknowledge()) {
            // RFC 6275 section 9.5.1: without the A flag only a rejection is acknowledged.
            metrics.ignored("a_flag_clear");
            return;
        }
        if (!decision.accepted()) {
            metrics.rejected("binding", decision.status());
        }
        ProxyBindingAcknowledgement pba = PbuTranslation.acknowledgement(pbu, decision);
        if (decision.accepted() && redirect.isPresent()) {
            // RFC 6463 section 4.2: the binding is accepted here and the MAG told where to send from now on.
            pba = PbuTranslation.withOption(pba, redirect.get());
            metrics.increment(io.pmip.lma.metrics.MetricKey.of("redirect"));
        }
        send(datagram, pba, pba.statusCode());
        metrics.pbaLatency(System.nanoTime() - receivedNanos);
    }

    private void onEntityFailure(String entityId, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            // No answer: the MAG retransmits, and by then the entity may be up (e.g. after a rebalance).
            metrics.entityTimeout();
            log.debug("entity {} did not answer in {}", entityId, settings.entityTimeout());
        } else {
            metrics.entityFailure();
            log.warn("entity {} failed", entityId, cause);
        }
    }

    private void reject(InboundDatagram datagram, ProxyBindingUpdate pbu, BindingAckStatus status, String reason) {
        metrics.rejected(reason, status);
        ProxyBindingAcknowledgement pba = PbuTranslation.rejection(pbu, status);
        if (status == BindingAckStatus.TIMESTAMP_MISMATCH) {
            // RFC 5213 section 5.3.6: on status 156 the Timestamp option carries the LMA's current time.
            List<io.pmip.protocol.mh.option.MobilityOption> options = new ArrayList<>(pba.options());
            options.removeIf(o -> o instanceof Timestamp);
            options.add(Timestamp.of(clock.instant()));
            pba = ProxyBindingAcknowledgement.of(status, pbu.sequence(), 0, options);
        }
        send(datagram, pba, status.code());
    }

    /**
     * A Binding Update without the P flag is a host-based Mobile IPv6 registration, which RFC 5213
     * section 5.3.1 says is processed per RFC 6275. This LMA is no home agent: a home registration (H
     * set) gets a Binding Acknowledgement with status 131 (RFC 6275 section 9.5.1); any other Binding
     * Update gets a Binding Error with status 2, as a node without route optimization answers it
     * (RFC 6275 section 8.1: such a node treats the message like an unrecognized MH type).
     */
    private void onHostBindingUpdate(ProxyBindingUpdate bu, InboundDatagram datagram) {
        if (bu.homeRegistration()) {
            metrics.rejected("not_proxy", BindingAckStatus.HOME_REGISTRATION_NOT_SUPPORTED);
            ProxyBindingAcknowledgement ba = ProxyBindingAcknowledgement.fromFlags(
                    BindingAckStatus.HOME_REGISTRATION_NOT_SUPPORTED.code(), 0, bu.sequence(), 0, List.of());
            send(datagram, ba, ba.statusCode());
        } else {
            onUnknownType(datagram);
        }
    }

    /** RFC 5847 section 5.2: the response echoes the Sequence Number and carries our Restart Counter. */
    private void onHeartbeatRequest(Heartbeat request, InboundDatagram datagram) {
        Heartbeat response = Heartbeat.response(request.sequence(), false, List.of(new RestartCounter(restartCounter)));
        send(datagram, response, 0);
    }

    /**
     * RFC 6275 section 9.2: an unrecognized MH Type is answered with a Binding Error, status 2, sent
     * to the source; rate limited (section 9.2 says "SHOULD ... rate limit"). Home Address is the
     * unspecified address since the datagram carried no Home Address option.
     */
    private void onUnknownType(InboundDatagram datagram) {
        if (!bindingErrors.tryAcquire(clock.millis())) {
            metrics.dropped("binding_error_rate_limit");
            return;
        }
        BindingError error = new BindingError(BindingErrorStatus.UNRECOGNIZED_MH_TYPE.code(), UNSPECIFIED, List.of());
        send(datagram, error, error.statusCode());
    }

    private void send(InboundDatagram datagram, MobilityMessage message, int status) {
        SignalingTransport transport = arrivalTransport(datagram);
        if (transport == null) {
            metrics.sendFailed(message.mhType()); // closed meanwhile
            return;
        }
        byte[] bytes;
        if (datagram.kind() == TransportKind.MH_IPV6) {
            // RFC 6275 section 6.1.1: the checksum covers the addresses as sent, from the one the PBU reached.
            bytes = MobilityHeaderEncoder.encode(message, (Inet6Address) datagram.destination(),
                    (Inet6Address) datagram.source());
        } else {
            bytes = MobilityHeaderEncoder.encodeForIpv4Udp(message);
        }
        if (transport.send(datagram.reply(bytes))) {
            metrics.sent(message.mhType(), status);
        } else {
            metrics.sendFailed(message.mhType());
        }
    }

    private static Inet6Address unspecified() {
        try {
            return (Inet6Address) InetAddress.getByAddress(new byte[16]);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
