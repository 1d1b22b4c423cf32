package io.pmip.ops.load;

import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.codec.DecodeContext;
import io.pmip.protocol.codec.DecodeMode;
import io.pmip.protocol.codec.MobilityHeaderDecodeException;
import io.pmip.protocol.codec.MobilityHeaderDecoder;
import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobileNodeLinkLayerIdentifier;
import io.pmip.protocol.mh.option.MobilityOption;
import io.pmip.protocol.mh.option.Timestamp;
import io.pmip.protocol.transport.InboundDatagram;
import io.pmip.protocol.transport.OutboundDatagram;
import io.pmip.protocol.transport.SignalingTransport;
import io.pmip.protocol.transport.SignalingTransports;
import io.pmip.protocol.transport.TransportConfig;
import io.pmip.protocol.transport.TransportException;
import io.pmip.protocol.transport.TransportKind;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.HdrHistogram.Recorder;

/**
 * A lean load generator of emulated MAGs (the seed of {@code pmip sim}): it speaks the MAG side of
 * RFC 5213 with the codec and transports directly, without MAG actors, so one core can offer tens
 * of thousands of PBUs per second. Each mobile node has at most one PBU outstanding; PBAs are
 * matched by MN-Identifier and Sequence Number (RFC 5213 section 6.9.1.2). Not thread-safe: one
 * phase runs at a time.
 */
public final class LoadClient implements AutoCloseable {
    private static final long HIGHEST_LATENCY_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

    private final LoadProfile profile;
    private final List<SignalingTransport> transports = new ArrayList<>();
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final AtomicIntegerArray sequences;
    private final AtomicReferenceArray<List<Ipv6Prefix>> prefixes;
    private final AtomicLongArray acceptedAt;
    private final AtomicLongArray lateAcceptedAt;
    private final AtomicReferenceArray<List<Ipv6Prefix>> lateGranted;
    private final ScheduledExecutorService timers;
    private final LongAdder malformed = new LongAdder();
    private volatile Run current;

    private LoadClient(LoadProfile profile) {
        this.profile = profile;
        int n = profile.mobileNodes();
        this.sequences = new AtomicIntegerArray(n);
        this.prefixes = new AtomicReferenceArray<>(n);
        this.acceptedAt = new AtomicLongArray(n);
        this.lateAcceptedAt = new AtomicLongArray(n);
        this.lateGranted = new AtomicReferenceArray<>(n);
        for (int i = 0; i < n; i++) {
            indexOf.put(profile.mobileNodeIdentifier(i), i);
            prefixes.set(i, List.of());
        }
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pmip-load-timers");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens one transport per MAG (UDP on 127.0.1.k, ephemeral port) or one raw Mobility Header
     * socket on ::1 shared by every MAG.
     *
     * @throws TransportException when a socket cannot be opened (MH needs CAP_NET_RAW)
     */
    public static LoadClient open(LoadProfile profile) throws TransportException {
        return open(profile, Optional.empty());
    }

    /**
     * With every MAG on {@code magAddress} (the Proxy-CoA of all of them; over UDP each MAG its own
     * ephemeral port), e.g. the address of a network namespace the sockets are opened in; empty:
     * as {@link #open(LoadProfile)}.
     *
     * @throws TransportException when a socket cannot be opened (MH needs CAP_NET_RAW)
     */
    public static LoadClient open(LoadProfile profile, Optional<InetAddress> magAddress) throws TransportException {
        LoadClient client = new LoadClient(profile);
        try {
            int sockets = profile.transport() == TransportKind.MH_IPV6 ? 1 : profile.mags();
            for (int k = 0; k < sockets; k++) {
                client.transports.add(SignalingTransports.open(transportConfig(profile, k, magAddress),
                        client::onDatagram));
            }
        } catch (TransportException | RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    private static TransportConfig transportConfig(LoadProfile profile, int mag, Optional<InetAddress> magAddress) {
        int queue = Math.max(TransportConfig.DEFAULT_SEND_QUEUE_CAPACITY, profile.maxInFlight() * 2);
        try {
            TransportConfig base = profile.transport() == TransportKind.MH_IPV6
                    ? TransportConfig.mhIpv6(magAddress.orElse(InetAddress.getByName("::1")))
                    : TransportConfig.udpIpv4(magAddress.orElse(
                            InetAddress.getByAddress(new byte[] {127, 0, 1, (byte) (mag + 1)})), 0)
                            .withReusePort(false);
            return base.withSendQueueCapacity(queue);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public LoadProfile profile() {
        return profile;
    }

    /** The Proxy-CoA of MAG {@code mag} (0-based). */
    public InetAddress proxyCareOfAddress(int mag) {
        return transports.get(profile.transport() == TransportKind.MH_IPV6 ? 0 : mag).localAddress();
    }

    /** The prefixes the LMA last granted mobile node {@code index}; empty before its registration. */
    public List<Ipv6Prefix> prefixes(int index) {
        return prefixes.get(index);
    }

    /** When (System.nanoTime) mobile node {@code index} last got an accepting PBA; 0 before. */
    public long acceptedAtNanos(int index) {
        return acceptedAt.get(index);
    }

    /**
     * When (System.nanoTime) mobile node {@code index} first got an accepting PBA that came too late
     * to match its outstanding PBU (see {@link LoadReport#late()}), since {@link #forgetLateAnswers()};
     * 0 before. Not what a MAG acts on (RFC 6275 section 11.7.3), but proof that the LMA served the
     * binding at that moment.
     */
    public long lateAcceptedAtNanos(int index) {
        return lateAcceptedAt.get(index);
    }

    /** Starts over what {@link #lateAcceptedAtNanos} and {@link #lateGranted} report. */
    public void forgetLateAnswers() {
        for (int i = 0; i < lateAcceptedAt.length(); i++) {
            lateAcceptedAt.set(i, 0);
            lateGranted.set(i, null);
        }
    }

    /** The prefixes of the first late accepting PBA of mobile node {@code index}; empty before one. */
    public List<Ipv6Prefix> lateGranted(int index) {
        List<Ipv6Prefix> granted = lateGranted.get(index);
        return granted == null ? List.of() : granted;
    }

    /** Datagrams that arrived and did not decode. */
    public long malformed() {
        return malformed.sum();
    }

    /**
     * Runs one phase for every mobile node and returns when each got its PBA or gave up.
     *
     * @throws IllegalStateException when the phase does not finish within {@code timeout}
     */
    public LoadReport run(LoadPhase phase, Duration timeout) throws InterruptedException {
        return run(phase, new InetSocketAddress(profile.lma(), profile.lmaPort()), timeout);
    }

    /**
     * Runs one phase against another LMA address than the profile's (e.g. another node of the
     * cluster): the same MAGs, mobile nodes, sequence numbers and prefixes.
     */
    public LoadReport run(LoadPhase phase, InetSocketAddress lma, Duration timeout) throws InterruptedException {
        return run(phase, lma, timeout, index -> true);
    }

    /**
     * Runs one phase for the mobile nodes {@code which} selects only (e.g. those a failed node
     * served); the others keep their state.
     */
    public LoadReport run(LoadPhase phase, InetSocketAddress lma, Duration timeout, IntPredicate which)
            throws InterruptedException {
        return run(phase, lma, timeout, which, profile.ratePerSecond());
    }

    /** As {@link #run(LoadPhase, InetSocketAddress, Duration, IntPredicate)}, at another rate than the profile's. */
    public LoadReport run(LoadPhase phase, InetSocketAddress lma, Duration timeout, IntPredicate which, double rate)
            throws InterruptedException {
        return run(phase, lma, timeout, which, rate, profile.maxInFlight());
    }

    /**
     * As {@link #run(LoadPhase, InetSocketAddress, Duration, IntPredicate, double)} with at most
     * {@code maxInFlight} PBUs outstanding (a closed loop when {@code rate} is 0): the offered load
     * follows what the LMA completes, so an overloaded LMA is not offered more than it can answer.
     */
    public LoadReport run(LoadPhase phase, InetSocketAddress lma, Duration timeout, IntPredicate which, double rate,
            int maxInFlight) throws InterruptedException {
        int[] selected = IntStream.range(0, profile.mobileNodes()).filter(which).toArray();
        int n = selected.length;
        Run run = new Run(phase, profile.mobileNodes(), n, lma, maxInFlight);
        current = run;
        long start = System.nanoTime();
        for (int k = 0; k < n; k++) {
            int i = selected[k];
            long intended = rate > 0 ? start + (long) (k * 1e9 / rate) : System.nanoTime();
            long wait = intended - System.nanoTime();
            if (wait > 50_000) {
                LockSupport.parkNanos(wait);
            }
            run.slots.acquire();
            long sendAt = rate > 0 ? intended : System.nanoTime();
            Pending p = new Pending(i, nextSequence(i), sendAt);
            run.pending.set(i, p);
            transmit(run, p);
        }
        if (!run.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(phase + " did not finish within " + timeout + ": " + run.done.getCount()
                    + " of " + n + " mobile nodes still waiting");
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        current = null;
        Map<Integer, Long> statuses = new HashMap<>();
        run.statuses.forEach((code, count) -> statuses.put(code, count.sum()));
        return new LoadReport(phase, n, elapsed, run.latency.getIntervalHistogram(), statuses, run.timeouts.sum(),
                run.retransmissions.sum() + run.resynchronizations.sum(), run.sendRefusals.sum(),
                run.acceptedLatency.getIntervalHistogram(), run.late.sum());
    }

    private int nextSequence(int index) {
        return sequences.updateAndGet(index, s -> (s + 1) & 0xffff);
    }

    private int magOf(int index) {
        return index / profile.mobileNodesPerMag();
    }

    private void transmit(Run run, Pending p) {
        ProxyBindingUpdate pbu = pbu(run.phase, p);
        SignalingTransport transport = transports.get(profile.transport() == TransportKind.MH_IPV6 ? 0 : magOf(p.index));
        OutboundDatagram datagram;
        if (profile.transport() == TransportKind.MH_IPV6) {
            byte[] bytes = MobilityHeaderEncoder.encode(pbu, (Inet6Address) transport.localAddress(),
                    (Inet6Address) run.lma.getAddress());
            datagram = new OutboundDatagram(bytes, run.lma.getAddress(), 0, transport.localAddress());
        } else {
            datagram = OutboundDatagram.to(run.lma.getAddress(), run.lma.getPort(),
                    MobilityHeaderEncoder.encodeForIpv4Udp(pbu));
        }
        if (!transport.send(datagram)) {
            // The retransmission timer below covers it, as it would a lost datagram.
            run.sendRefusals.increment();
        }
        long timeoutNanos = profile.bindackTimeout().toNanos() << (p.transmissions - 1);
        timers.schedule(() -> onBindackTimeout(run, p), timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * RFC 5213 section 6.9.1.1: MN-Identifier, Home Network Prefix (::/0 to ask for one), Handoff
     * Indicator, Access Technology Type, Timestamp and the MN Link-layer Identifier; a new Timestamp
     * at every transmission so a retransmission is not refused as stale. The link-layer identifier
     * names the interface (RFC 5213 section 5.4.1.2), so a retransmitted initial PBU (HI 1) finds
     * the session its first transmission created instead of opening a second one.
     */
    private ProxyBindingUpdate pbu(LoadPhase phase, Pending p) {
        List<MobilityOption> options = new ArrayList<>(6);
        options.add(MobileNodeIdentifier.nai(profile.mobileNodeIdentifier(p.index)));
        List<Ipv6Prefix> known = prefixes.get(p.index);
        if (phase == LoadPhase.REGISTER || known.isEmpty()) {
            options.add(new HomeNetworkPrefixOption(Ipv6Prefix.UNSPECIFIED));
        } else {
            known.forEach(prefix -> options.add(new HomeNetworkPrefixOption(prefix)));
        }
        options.add(HandoffIndicatorOption.of(phase.handoffIndicator()));
        options.add(AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11));
        options.add(Timestamp.of(Instant.now()));
        options.add(new MobileNodeLinkLayerIdentifier(linkLayerIdentifier(p.index)));
        int lifetime = phase == LoadPhase.DEREGISTER ? 0 : (profile.lifetimeSeconds() + 3) / 4;
        return ProxyBindingUpdate.of(p.sequence, lifetime, options);
    }

    /** A locally administered MAC (02:...) unique per mobile node of this client. */
    private Bytes linkLayerIdentifier(int index) {
        int tag = profile.mobileNodeTag().hashCode();
        return Bytes.of((byte) 0x02, (byte) tag, (byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8),
                (byte) index);
    }

    private void onBindackTimeout(Run run, Pending p) {
        if (run.pending.get(p.index) != p) {
            return;
        }
        if (p.transmissions < profile.maxTransmissions()) {
            p.transmissions++;
            run.retransmissions.increment();
            transmit(run, p);
        } else if (run.pending.compareAndSet(p.index, p, null)) {
            run.timeouts.increment();
            run.finish();
        }
    }

    private void onDatagram(InboundDatagram datagram) {
        MobilityMessage message;
        try {
            DecodeContext context = datagram.kind() == TransportKind.MH_IPV6
                    ? DecodeContext.ipv6((Inet6Address) datagram.source(), (Inet6Address) datagram.destination(),
                            DecodeMode.LENIENT)
                    : DecodeContext.ipv4Udp(DecodeMode.LENIENT);
            message = MobilityHeaderDecoder.decode(datagram.payload(), context).message();
        } catch (MobilityHeaderDecodeException | RuntimeException e) {
            malformed.increment();
            return;
        }
        // A raw socket also sees this client's own PBUs: only PBAs matter here.
        if (!(message instanceof ProxyBindingAcknowledgement pba)) {
            return;
        }
        long now = System.nanoTime();
        Run run = current;
        Optional<String> mnId = pba.option(MobileNodeIdentifier.class).flatMap(MobileNodeIdentifier::naiText);
        Integer index = mnId.map(indexOf::get).orElse(null);
        if (index == null) {
            return; // not one of this client's mobile nodes
        }
        Pending p = run == null ? null : run.pending.get(index);
        if (p == null || p.sequence != pba.sequence() || !run.pending.compareAndSet(index, p, null)) {
            // A duplicate PBA of a retransmitted PBU, or the answer to one given up on (or sent again
            // with a newer sequence number), maybe after its phase ended: the LMA answered, too late.
            if (run != null) {
                run.late.increment();
            }
            // One receive thread per MAG socket writes these; the prefixes first, for readers of the time.
            if (pba.isAccepted() && lateAcceptedAt.get(index) == 0) {
                lateGranted.set(index, granted(pba));
                lateAcceptedAt.set(index, now);
            }
            return;
        }
        if (pba.statusCode() == BindingAckStatus.TIMESTAMP_MISMATCH.code() && p.transmissions < profile.maxTransmissions()) {
            // RFC 5213 section 6.9.1.2 (Timestamp): the MAG may send the PBU again with a new
            // timestamp; a new Sequence Number, so the stale answers of the first one do not match.
            run.resynchronizations.increment();
            Pending again = new Pending(index, nextSequence(index), p.intendedNanos);
            again.transmissions = p.transmissions + 1;
            run.pending.set(index, again);
            transmit(run, again);
            return;
        }
        long micros = Math.min(HIGHEST_LATENCY_MICROS, Math.max(0, (now - p.intendedNanos) / 1000));
        run.latency.recordValue(micros);
        run.statuses.computeIfAbsent(pba.statusCode(), c -> new LongAdder()).increment();
        if (pba.isAccepted()) {
            run.acceptedLatency.recordValue(micros);
            prefixes.set(index, run.phase == LoadPhase.DEREGISTER ? List.of() : granted(pba));
            acceptedAt.set(index, now);
        }
        run.finish();
    }

    private static List<Ipv6Prefix> granted(ProxyBindingAcknowledgement pba) {
        return pba.optionsOf(HomeNetworkPrefixOption.class).stream().map(HomeNetworkPrefixOption::prefix).toList();
    }

    @Override
    public void close() {
        timers.shutdownNow();
        transports.forEach(SignalingTransport::close);
    }

    /** One PBU awaiting its PBA; {@code transmissions} is touched only by the timer thread. */
    private static final class Pending {
        final int index;
        final int sequence;
        final long intendedNanos;
        volatile int transmissions = 1;

        Pending(int index, int sequence, long intendedNanos) {
            this.index = index;
            this.sequence = sequence;
            this.intendedNanos = intendedNanos;
        }
    }

    /** The shared state of one phase. */
    private final class Run {
        final LoadPhase phase;
        final AtomicReferenceArray<Pending> pending;
        final CountDownLatch done;
        final Semaphore slots;
        final Recorder latency = new Recorder(HIGHEST_LATENCY_MICROS, 3);
        final Recorder acceptedLatency = new Recorder(HIGHEST_LATENCY_MICROS, 3);
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder timeouts = new LongAdder();
        final LongAdder retransmissions = new LongAdder();
        final LongAdder sendRefusals = new LongAdder();
        final LongAdder resynchronizations = new LongAdder();
        final LongAdder late = new LongAdder();

        final InetSocketAddress lma;

        Run(LoadPhase phase, int mobileNodes, int selected, InetSocketAddress lma, int maxInFlight) {
            this.phase = phase;
            this.slots = new Semaphore(maxInFlight);
            this.lma = lma;
            this.pending = new AtomicReferenceArray<>(mobileNodes);
            this.done = new CountDownLatch(selected);
        }

        void finish() {
            slots.release();
            done.countDown();
        }
    }
}
