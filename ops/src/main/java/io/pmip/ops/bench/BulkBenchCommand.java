package io.pmip.ops.bench;

import io.pmip.lma.PbaDecision;
import io.pmip.lma.PbuRequest;
import io.pmip.lma.bulk.GroupKey;
import io.pmip.lma.node.LmaConfig;
import io.pmip.lma.node.LmaNode;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.codec.DecodeContext;
import io.pmip.protocol.codec.DecodeMode;
import io.pmip.protocol.codec.MobilityHeaderDecoder;
import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.Timestamp;
import io.pmip.protocol.transport.OutboundDatagram;
import io.pmip.protocol.transport.SignalingTransport;
import io.pmip.protocol.transport.SignalingTransports;
import io.pmip.protocol.transport.TransportConfig;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pmip bench bulk}: one LMA node in this JVM (in-memory journal) with {@code --mns}
 * bindings in one RFC 6602 group of one MAG, then {@code --refreshes} bulk PBUs for that group over
 * UDP: the time from sending each to receiving its PBA, and the journal writes each caused.
 * Registration goes in-process (through the binding entities, as the ingress hands them PBUs),
 * only to build the group faster than a MAG over UDP could on a small machine.
 */
@Command(name = "bulk", mixinStandardHelpOptions = true,
        description = {"Bulk refresh (RFC 6602) of one big group: PBA latency over UDP and journal writes per refresh.",
            "Registers --mns bindings in one group in-process, then sends --refreshes bulk PBUs from 127.0.0.1."})
final class BulkBenchCommand implements Callable<Integer> {
    /** Targets of the issue: a bulk refresh of 100,000 bindings answered within 200 ms, with a handful of writes. */
    static final double TARGET_MILLIS = 200;
    static final long TARGET_WRITES = 5;
    private static final String MAG = "127.0.0.1";
    private static final long GROUP = 7;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--mns", defaultValue = "100000", description = "Bindings in the group (default: ${DEFAULT-VALUE}).")
    int mobileNodes;

    @Option(names = "--refreshes", defaultValue = "9", description = "Bulk refreshes timed (default: ${DEFAULT-VALUE}).")
    int refreshes;

    @Option(names = "--concurrency", defaultValue = "512",
            description = "Registrations outstanding while the group is built (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--out", paramLabel = "FILE", description = "Results file (default: ops/benchmarks/bulk-refresh.md under $PMIP_HOME).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        List<String> lines = new ArrayList<>();
        String command = "ops/bin/pmip " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        lines.add("## `" + command.trim() + "`");
        lines.add("");
        lines.add("- run at " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / 1048576 + " MiB, load average before: " + BenchLmaCommand.loadAverage());
        Path dir = Files.createTempDirectory("bulk-bench");
        Path conf = dir.resolve("lma.conf");
        Files.writeString(conf, """
                pmip.lma.node {
                  journal = inmem
                  udp { enabled = true, address = "127.0.0.1", port = 0 }
                  mh.enabled = false
                  entity-timeout = 30s
                }
                pmip.lma.timestamp-validity-window = 30s
                # One static prefix for every bench mobile node: registering skips the prefix pool, which
                # is not what is measured here and would only make building the group slower.
                pmip.lma.mobile-nodes = [{ match = "*@bench.example", prefixes = ["2001:db8:b0::/64"] }]
                pmip.admin.enabled = false
                pekko.remote.artery.canonical.port = 0
                pekko.cluster.seed-nodes = []
                pekko.coordinated-shutdown.exit-jvm = off
                pekko.loglevel = WARNING
                """);
        try (LmaNode lma = LmaNode.start(LmaConfig.load(Optional.of(conf), Map.of())).awaitUp(Duration.ofMinutes(2))) {
            JournalWriteCounter journal = JournalWriteCounter.install(lma.system());
            register(lma, lines, console, journal);
            try (BulkClient client = new BulkClient(lma.udpAddress())) {
                refresh(client, journal, lines, console);
            }
        } finally {
            Files.deleteIfExists(conf);
            Files.deleteIfExists(dir);
        }
        lines.add("- load average after: " + BenchLmaCommand.loadAverage());
        lines.add("");
        Path file = out != null ? out : BenchLmaCommand.home().resolve("ops").resolve("benchmarks").resolve("bulk-refresh.md");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
        console.println("results in " + file);
        return 0;
    }

    /** Registers the group's bindings through their entities, {@code concurrency} at a time. */
    private void register(LmaNode lma, List<String> lines, PrintWriter console, JournalWriteCounter journal)
            throws InterruptedException {
        console.println("registering " + mobileNodes + " bindings in group " + GROUP + " of MAG " + MAG + " ...");
        console.flush();
        AtomicLong accepted = new AtomicLong();
        long start = System.nanoTime();
        long writesBefore = journal.writes();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < mobileNodes; i++) {
            pending.add(i);
        }
        // A registration that timed out (a starved node may take a minute to start its shards) is sent
        // again: to its binding a repeated registration is a refresh, so the group still ends up with all.
        for (int round = 0; round < 4 && !pending.isEmpty(); round++) {
            pending = registerAll(lma, pending, round + 1, accepted, console, start);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        GroupKey key = new GroupKey(MAG, GROUP);
        int members = awaitMembers(lma, key, (int) accepted.get());
        lines.add(String.format(Locale.ROOT, "- registered in-process: %d accepted (after retries), %d failed in %.1f s (%.0f/s), %d"
                + " journal writes; the group's entity knows %d members", accepted.get(), pending.size(), seconds,
                accepted.get() / seconds, journal.writes() - writesBefore, members));
        console.println(lines.get(lines.size() - 1));
    }

    /**
     * Sends the registrations of {@code indexes}, {@code concurrency} at a time, with a Sequence # above the
     * previous round's; returns those that failed.
     */
    private List<Integer> registerAll(LmaNode lma, List<Integer> indexes, int sequence, AtomicLong accepted,
                                      PrintWriter console,
                                      long start) throws InterruptedException {
        Semaphore outstanding = new Semaphore(concurrency);
        List<Integer> failed = Collections.synchronizedList(new ArrayList<>());
        int sent = 0;
        for (int i : indexes) {
            outstanding.acquire();
            if (++sent % 10_000 == 0) {
                console.println(String.format(Locale.ROOT, "  %d sent, %.0f s", sent, (System.nanoTime() - start) / 1e9));
                console.flush();
            }
            PbuRequest request = new PbuRequest("bulk" + i + "@bench.example", MAG, MAG, List.of(Ipv6Prefix.UNSPECIFIED),
                    Optional.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE), Optional.of(AccessTechnologyType.IEEE_802_11),
                    // No Timestamp (sequence ordering): a registration queued behind thousands is not refused as late.
                    Optional.empty(), Optional.empty(), sequence, 3600, true, OptionalLong.of(GROUP));
            lma.shard().handle(request, Duration.ofSeconds(60)).whenComplete((PbaDecision d, Throwable t) -> {
                if (t == null && d.accepted()) {
                    accepted.incrementAndGet();
                } else {
                    failed.add(i);
                }
                outstanding.release();
            });
        }
        outstanding.acquire(concurrency);
        if (!failed.isEmpty()) {
            console.println(failed.size() + " registrations failed, sending them again");
        }
        return new ArrayList<>(failed);
    }

    /** Members join their group by message after their registration: waits until it knows them all. */
    private static int awaitMembers(LmaNode lma, GroupKey key, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        int members = 0;
        while (System.nanoTime() < deadline) {
            members = lma.shard().bulkGroups().view(key, Duration.ofSeconds(30)).toCompletableFuture().join().members();
            if (members >= expected) {
                break;
            }
            Thread.sleep(200);
        }
        return members;
    }

    private void refresh(BulkClient client, JournalWriteCounter journal, List<String> lines, PrintWriter console)
            throws Exception {
        double[] millis = new double[refreshes];
        long[] writes = new long[refreshes];
        long[] events = new long[refreshes];
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < refreshes; i++) {
            long writesBefore = journal.writes();
            long eventsBefore = journal.events();
            int sequence = 100 + i;
            ProxyBindingUpdate pbu = ProxyBindingUpdate.fromFlags(sequence,
                    ProxyBindingUpdate.FLAG_A | ProxyBindingUpdate.FLAG_P | ProxyBindingUpdate.FLAG_B, 3600 / 4,
                    List.of(MobileNodeGroupIdentifier.bulkBindingUpdateGroup(GROUP), Timestamp.of(Instant.now())));
            long sent = System.nanoTime();
            client.send(pbu);
            ProxyBindingAcknowledgement pba = client.await(sequence, Duration.ofSeconds(30));
            millis[i] = (System.nanoTime() - sent) / 1e6;
            // Anything the refresh set off later (there should be nothing) is counted too.
            Thread.sleep(500);
            writes[i] = journal.writes() - writesBefore;
            events[i] = journal.events() - eventsBefore;
            statuses.add(pba.statusCode());
            console.println(String.format(Locale.ROOT, "bulk refresh %d: status %d, lifetime %d s, %.2f ms, %d journal"
                    + " writes (%d events)", i + 1, pba.statusCode(), pba.lifetimeSeconds(), millis[i], writes[i], events[i]));
            console.flush();
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        long maxWrites = Arrays.stream(writes).max().orElse(0);
        lines.add(String.format(Locale.ROOT, "- %d bulk refreshes over UDP (PBU sent to PBA received): **median %.2f ms**,"
                + " min %.2f, max %.2f; each in ms: %s", refreshes, median, sorted[0], sorted[sorted.length - 1],
                Arrays.toString(Arrays.stream(millis).map(m -> Math.round(m * 100) / 100.0).toArray())));
        lines.add("- PBA statuses: " + statuses + "; journal writes per refresh: " + Arrays.toString(writes)
                + ", events per refresh: " + Arrays.toString(events));
        boolean met = median <= TARGET_MILLIS && maxWrites <= TARGET_WRITES
                && statuses.stream().allMatch(s -> s == 0);
        lines.add(String.format(Locale.ROOT, "- target (median <= %.0f ms, <= %d journal writes per refresh, all accepted):"
                + " **%s**", TARGET_MILLIS, TARGET_WRITES, met ? "met" : "NOT met"));
        lines.subList(lines.size() - 3, lines.size()).forEach(console::println);
    }

    /** A MAG's UDP socket (RFC 5844) on 127.0.0.1 that sends bulk PBUs and collects the PBAs. */
    private static final class BulkClient implements AutoCloseable {
        private final SignalingTransport transport;
        private final InetSocketAddress lma;
        private final BlockingQueue<MobilityMessage> received = new LinkedBlockingQueue<>();

        BulkClient(InetSocketAddress lma) throws Exception {
            this.lma = lma;
            this.transport = SignalingTransports.open(TransportConfig.udpIpv4(InetAddress.getByName(MAG), 0), d -> {
                try {
                    received.add(MobilityHeaderDecoder.decode(d.payload(), DecodeContext.ipv4Udp(DecodeMode.STRICT))
                            .message());
                } catch (Exception e) {
                    // Not a Mobility Header we can read: no PBA to time.
                }
            });
        }

        void send(ProxyBindingUpdate pbu) {
            if (!transport.send(OutboundDatagram.to(lma.getAddress(), lma.getPort(),
                    MobilityHeaderEncoder.encodeForIpv4Udp(pbu)))) {
                throw new IllegalStateException("the transport refused the bulk PBU");
            }
        }

        ProxyBindingAcknowledgement await(int sequence, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (true) {
                MobilityMessage m = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new IllegalStateException("no PBA for bulk PBU " + sequence + " within " + within);
                }
                if (m instanceof ProxyBindingAcknowledgement pba && pba.sequence() == sequence) {
                    return pba;
                }
            }
        }

        @Override
        public void close() {
            transport.close();
        }
    }
}
