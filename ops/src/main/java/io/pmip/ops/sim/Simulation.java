package io.pmip.ops.sim;

import com.typesafe.config.ConfigFactory;
import io.pmip.mag.BulkRefreshConfig;
import io.pmip.mag.MagActor;
import io.pmip.mag.MagCommand;
import io.pmip.mag.MagConfig;
import io.pmip.mag.MagEvent;
import io.pmip.mag.MagNode;
import io.pmip.mag.MagNodeTap;
import io.pmip.mag.PbuKind;
import io.pmip.protocol.Bytes;
import io.pmip.protocol.codec.DecodeMode;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.transport.TransportConfig;
import io.pmip.protocol.transport.TransportException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * {@code pmip sim}'s engine: real MAG actors (mag-edge {@link MagActor}, one per emulated MAG, over
 * one {@link MagNode} per MAG for UDP or one shared raw socket for MH) driven by an open-loop
 * schedule of attach, refresh, handoff and detach operations, with everything the MAGs report
 * gathered in {@link SimMetrics}. The MAGs do the protocol (sequence numbers, retransmission with
 * back-off, timestamps, refresh timers, bulk groups); this class only decides who moves where.
 */
public final class Simulation implements AutoCloseable {
    private static final AccessTechnologyType ACCESS = AccessTechnologyType.IEEE_802_11;
    /** Bulk group identifiers of MAG k start at 2 + k * this, so MAGs of one LMA never share one. */
    private static final long GROUPS_PER_MAG = 1_000_000;
    private static final int PICK_ATTEMPTS = 32;

    private final SimScenario scenario;
    private final ActorSystem<Void> system;
    private final List<MagNode> nodes = new ArrayList<>();
    private final List<ActorRef<MagCommand>> mags = new ArrayList<>();
    private final MobileNode[] population;
    private final Map<String, MobileNode> byIdentifier = new HashMap<>();
    private final SimMetrics metrics = new SimMetrics();
    private final AtomicLong outstanding = new AtomicLong();
    private final Optional<PcapTap> pcap;
    /** Cleared when the report is built: what arrives later is not counted (and the capture ends). */
    private volatile boolean recording = true;
    // Touched by the pacer thread only.
    private int cursor;
    private double owedHandoffs;
    private double owedDetaches;

    private Simulation(SimScenario scenario, Optional<PcapTap> pcap) {
        this.scenario = scenario;
        this.pcap = pcap;
        this.system = ActorSystem.create(Behaviors.empty(), "pmip-sim",
                // A loaded machine may take more than the default 5 s to start the logger.
                ConfigFactory.parseString("pekko.actor.provider = local\npekko.loglevel = WARNING\n"
                                + "pekko.logger-startup-timeout = 60s")
                        .withFallback(ConfigFactory.defaultReference()));
        this.population = new MobileNode[scenario.mobileNodes()];
        for (int m = 0; m < scenario.mags(); m++) {
            for (int i = 0; i < scenario.mobileNodesPerMag(); i++) {
                int index = m * scenario.mobileNodesPerMag() + i;
                MobileNode mn = new MobileNode(scenario.mobileNodeIdentifier(m, i), linkLayerIdentifier(index), m);
                population[index] = mn;
                byIdentifier.put(mn.identifier, mn);
            }
        }
    }

    /**
     * Opens the MAGs' sockets and starts their actors.
     *
     * @param pcap where to record every datagram sent and received, if anywhere
     * @throws TransportException when a socket cannot be opened (MH needs CAP_NET_RAW)
     */
    public static Simulation open(SimScenario scenario, Optional<java.nio.file.Path> pcap)
            throws TransportException, java.io.IOException {
        Optional<PcapTap> tap = pcap.isPresent() ? Optional.of(PcapTap.create(pcap.get())) : Optional.empty();
        Simulation sim = new Simulation(scenario, tap);
        try {
            sim.startMags();
        } catch (TransportException | RuntimeException e) {
            sim.close();
            throw e;
        }
        return sim;
    }

    private void startMags() throws TransportException {
        MagNodeTap tap = pcap.<MagNodeTap>map(t -> t).orElse(MagNodeTap.NONE);
        // Room for every mobile node's PBU of one MAG at once: the pacer never waits on a queue.
        int queue = Math.max(TransportConfig.DEFAULT_SEND_QUEUE_CAPACITY, scenario.mobileNodesPerMag() * 2);
        MagNode shared = null;
        for (int k = 0; k < scenario.mags(); k++) {
            MagNode node;
            if (scenario.ipv4()) {
                node = MagNode.open(TransportConfig.udpIpv4(scenario.proxyCareOfAddress(k), 0).withReusePort(false)
                        .withSendQueueCapacity(queue), DecodeMode.LENIENT, tap);
                nodes.add(node);
            } else {
                if (shared == null) {
                    shared = MagNode.open(TransportConfig.mhIpv6(scenario.local())
                            .withSendQueueCapacity(queue * scenario.mags()), DecodeMode.LENIENT, tap);
                    nodes.add(shared);
                }
                node = shared;
            }
            MagConfig config = MagConfig.defaults(scenario.proxyCareOfAddress(k), scenario.lma(), scenario.lmaPort())
                    .withRequestedLifetime(scenario.lifetime());
            if (scenario.bulk()) {
                config = config.withBulk(BulkRefreshConfig.groupsOf(scenario.groupSize(), 2 + k * GROUPS_PER_MAG));
            }
            int mag = k;
            mags.add(system.systemActorOf(MagActor.create(config, node, e -> onEvent(mag, e), Clock.systemUTC()),
                    "mag-" + k, Props.empty()));
        }
    }

    /** A locally administered MAC (02:...) per mobile node; the LMA tells interfaces apart by it. */
    private Bytes linkLayerIdentifier(int index) {
        int tag = scenario.tag().hashCode();
        return Bytes.of((byte) 0x02, (byte) tag, (byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8),
                (byte) index);
    }

    /**
     * Runs the scenario: the open-loop schedule on this thread, a progress line a second to
     * {@code progress}, then up to the drain time for the PBAs still awaited.
     */
    public SimReport run(Consumer<String> progress) throws InterruptedException {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pmip-sim-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> progress.accept(progressLine(start)), 1, 1, TimeUnit.SECONDS);
        OpenLoopPacer.Result paced;
        try {
            paced = OpenLoopPacer.run(scenario.rate(), scenario.operations(), this::startOperation);
            long drainUntil = System.nanoTime() + scenario.drain().toNanos();
            while (outstanding.get() > 0 && System.nanoTime() < drainUntil) {
                Thread.sleep(20);
            }
        } finally {
            ticker.shutdownNow();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        }
        recording = false;
        metrics.sample((System.nanoTime() - start) / 1e9, outstanding.get());
        double seconds = paced.elapsedNanos() / 1e9;
        SimReport.Offered offered = new SimReport.Offered(scenario.rate(), scenario.operations(), paced.started(),
                metrics.skippedBusy.sum(), metrics.completed.sum(), outstanding.get(), seconds,
                paced.maxLagMillis());
        long malformed = nodes.stream().mapToLong(n -> n.stats().malformed()).sum();
        long refused = nodes.stream().mapToLong(n -> n.transport().stats().droppedTotal()).sum();
        SimReport.Problems problems = new SimReport.Problems(metrics.retransmissions.sum(), metrics.timeouts.sum(),
                metrics.rejected.sum(), metrics.resynchronizations.sum(), metrics.revocations.sum(),
                metrics.bulkFallbacks.sum(), malformed, refused);
        return new SimReport(SimReport.SCHEMA, startedAt.toString(), describe(), offered,
                metrics.messageRates(seconds), metrics.statuses(), problems, metrics.pbaLatency(),
                metrics.pbaLatencyByKind(), metrics.handoffCompletion(), metrics.timeline(), null);
    }

    private String progressLine(long start) {
        SimReport.TimelinePoint p = metrics.sample((System.nanoTime() - start) / 1e9, outstanding.get());
        return String.format(java.util.Locale.ROOT,
                "t=%5.1fs PBU %6d/s PBA %6d/s outstanding %6d latency ms p50 %7.2f p99 %7.2f max %7.2f"
                        + " retransmissions %d timeouts %d", p.second(), p.pbusSent(), p.pbasReceived(), p.outstanding(),
                p.p50(), p.p99(), p.max(), metrics.retransmissions.sum(), metrics.timeouts.sum());
    }

    private Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("transport", scenario.ipv4() ? "udp" : "mh");
        d.put("lmaa", scenario.lma().getHostAddress());
        d.put("lmaPort", scenario.lmaPort());
        d.put("mags", scenario.mags());
        d.put("mnsPerMag", scenario.mobileNodesPerMag());
        d.put("rate", scenario.rate());
        d.put("handoffRate", scenario.handoffRate());
        d.put("detachRate", scenario.detachRate());
        d.put("durationSeconds", scenario.duration().toNanos() / 1e9);
        d.put("operations", scenario.operations());
        d.put("lifetimeSeconds", scenario.lifetime().toSeconds());
        d.put("bulk", scenario.bulk());
        d.put("groupSize", scenario.groupSize());
        d.put("tag", scenario.tag());
        return d;
    }

    // ---- the schedule (pacer thread) ---------------------------------------------------------

    private void startOperation(long index, long intendedNanos) {
        owedHandoffs += scenario.handoffRate() / scenario.rate();
        owedDetaches += scenario.detachRate() / scenario.rate();
        for (int attempt = 0; attempt < PICK_ATTEMPTS; attempt++) {
            MobileNode mn = population[cursor];
            cursor = (cursor + 1) % population.length;
            synchronized (mn) {
                if (!mn.phase.busy()) {
                    begin(mn, intendedNanos);
                    return;
                }
            }
        }
        // Every node tried is still waiting for its last PBA: the offered rate outran the population.
        metrics.skippedBusy.increment();
    }

    /** Attach a detached node; hand off, detach or refresh an attached one. Holds mn's monitor. */
    private void begin(MobileNode mn, long intended) {
        outstanding.incrementAndGet();
        if (mn.phase == MobileNode.Phase.DETACHED) {
            mn.begin(MobileNode.Phase.ATTACHING, intended);
            mags.get(mn.mag).tell(MagCommand.Attach.newAttachment(mn.identifier, mn.linkLayerIdentifier, ACCESS));
        } else if (owedHandoffs >= 1 && !mn.prefixes.isEmpty()) {
            owedHandoffs -= 1;
            mn.target = (mn.mag + 1 + (int) (intended & 0x7fffffff) % (scenario.mags() - 1)) % scenario.mags();
            mn.begin(MobileNode.Phase.LEAVING, intended);
            mags.get(mn.mag).tell(new MagCommand.Detach(mn.identifier));
        } else if (owedDetaches >= 1) {
            owedDetaches -= 1;
            mn.begin(MobileNode.Phase.DETACHING, intended);
            mags.get(mn.mag).tell(new MagCommand.Detach(mn.identifier));
        } else {
            // The MAG's own refresh timer message: it refreshes now as if the lifetime fraction had passed.
            mn.begin(MobileNode.Phase.REFRESHING, intended);
            mags.get(mn.mag).tell(new MagCommand.RefreshDue(mn.identifier));
        }
    }

    // ---- what the MAGs report (actor threads) ------------------------------------------------

    private void onEvent(int mag, MagEvent event) {
        if (!recording) {
            return;
        }
        if (event instanceof MagEvent.PbuSent e) {
            metrics.sent("PBU", e.kind().name());
        } else if (event instanceof MagEvent.BulkPbuSent e) {
            metrics.sent("PBU", e.kind().name());
        } else if (event instanceof MagEvent.Retransmitted) {
            metrics.retransmissions.increment();
        } else if (event instanceof MagEvent.PbaReceived e) {
            onPba(mag, e);
        } else if (event instanceof MagEvent.Registered e) {
            onRegistered(mag, e);
        } else if (event instanceof MagEvent.Deregistered e) {
            onDeregistered(mag, e.mobileNodeIdentifier(), false);
        } else if (event instanceof MagEvent.Rejected e) {
            metrics.rejected.increment();
            onGone(mag, e.mobileNodeIdentifier());
        } else if (event instanceof MagEvent.TimedOut e) {
            metrics.timeouts.increment();
            if (e.kind() == PbuKind.DEREGISTRATION) {
                onDeregistered(mag, e.mobileNodeIdentifier(), true);
            } else {
                onGone(mag, e.mobileNodeIdentifier());
            }
        } else if (event instanceof MagEvent.Revoked e) {
            metrics.revocations.increment();
            metrics.received("BRI", "");
            metrics.sent("BRA", "");
            onGone(mag, e.mobileNodeIdentifier());
        } else if (event instanceof MagEvent.TimestampResynchronized) {
            metrics.resynchronizations.increment();
        } else if (event instanceof MagEvent.BulkRefreshed e) {
            // An accepted bulk PBA (RFC 6602 section 4.2); the event carries no status, accepted is 0 here.
            metrics.pba(PbuKind.BULK_REFRESH.name(), 0, e.latency().toNanos());
        } else if (event instanceof MagEvent.BulkFallback) {
            metrics.bulkFallbacks.increment();
        }
    }

    private void onPba(int mag, MagEvent.PbaReceived e) {
        long now = System.nanoTime();
        MobileNode mn = byIdentifier.get(e.mobileNodeIdentifier());
        long latency = e.latency().toNanos();
        if (mn != null) {
            synchronized (mn) {
                if (awaits(mn, mag, e.kind())) {
                    latency = now - mn.awaitedSinceNanos;
                }
            }
        }
        metrics.pba(e.kind().name(), e.statusCode(), latency);
    }

    /** Whether this PBA answers the PBU the node's current operation is waiting for. */
    private static boolean awaits(MobileNode mn, int mag, PbuKind kind) {
        return switch (mn.phase) {
            case ATTACHING -> kind == PbuKind.INITIAL && mag == mn.mag;
            case REFRESHING -> (kind == PbuKind.REFRESH || kind == PbuKind.REESTABLISH) && mag == mn.mag;
            case LEAVING, DETACHING -> kind == PbuKind.DEREGISTRATION && mag == mn.mag;
            case ARRIVING -> kind == PbuKind.HANDOFF && mag == mn.target;
            case DETACHED, ATTACHED -> false;
        };
    }

    private void onRegistered(int mag, MagEvent.Registered e) {
        MobileNode mn = byIdentifier.get(e.mobileNodeIdentifier());
        if (mn == null) {
            return;
        }
        long now = System.nanoTime();
        synchronized (mn) {
            if (mn.phase == MobileNode.Phase.ARRIVING && mag == mn.target && e.kind() == PbuKind.HANDOFF) {
                mn.mag = mn.target;
                metrics.handoffCompleted(now - mn.intendedNanos);
            } else if (mag != mn.mag) {
                return;
            }
            mn.prefixes = e.homeNetworkPrefixes();
            if (mn.phase == MobileNode.Phase.ATTACHING || mn.phase == MobileNode.Phase.REFRESHING
                    || mn.phase == MobileNode.Phase.ARRIVING) {
                finish(mn, MobileNode.Phase.ATTACHED);
            }
        }
    }

    /** The old MAG's entry is gone: a handoff goes on at the new MAG; a detach is done. */
    private void onDeregistered(int mag, String mnId, boolean timedOut) {
        MobileNode mn = byIdentifier.get(mnId);
        if (mn == null) {
            return;
        }
        synchronized (mn) {
            if (mag != mn.mag) {
                return;
            }
            if (mn.phase == MobileNode.Phase.LEAVING) {
                mn.phase = MobileNode.Phase.ARRIVING;
                mn.awaitedSinceNanos = System.nanoTime();
                // RFC 5213 section 5.4.1: the new MAG registers the node with HI 3 and the prefixes it had.
                mags.get(mn.target).tell(MagCommand.Attach.handoff(mn.identifier, mn.linkLayerIdentifier, ACCESS,
                        mn.prefixes));
            } else if (mn.phase == MobileNode.Phase.DETACHING || timedOut) {
                mn.prefixes = List.of();
                finish(mn, MobileNode.Phase.DETACHED);
            }
        }
    }

    /** The MAG removed the node's entry (rejected, timed out, revoked): it is detached. */
    private void onGone(int mag, String mnId) {
        MobileNode mn = byIdentifier.get(mnId);
        if (mn == null) {
            return;
        }
        synchronized (mn) {
            boolean holder = mn.phase == MobileNode.Phase.ARRIVING ? mag == mn.target : mag == mn.mag;
            if (holder) {
                mn.mag = mag;
                mn.prefixes = List.of();
                finish(mn, MobileNode.Phase.DETACHED);
            }
        }
    }

    private void finish(MobileNode mn, MobileNode.Phase next) {
        if (mn.phase.busy()) {
            outstanding.decrementAndGet();
            metrics.completed.increment();
        }
        mn.phase = next;
    }

    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // a local actor system holding nothing durable
        }
        nodes.forEach(MagNode::close);
        pcap.ifPresent(PcapTap::close);
    }
}
