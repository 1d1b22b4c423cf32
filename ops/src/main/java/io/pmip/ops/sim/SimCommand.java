package io.pmip.ops.sim;

import io.pmip.protocol.transport.MissingCapabilityException;
import io.pmip.protocol.transport.TransportException;
import io.pmip.protocol.transport.TransportKind;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code pmip sim}: N emulated MAGs (real mag-edge MAG actors) with M mobile nodes each against an
 * LMA, open-loop at a target rate, with a report of throughput, PBA latency, statuses,
 * retransmissions, timeouts and handoff completion times; optionally the UDP echo ceiling of this
 * machine measured first in the same run.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Emulate MAGs (real MAG actors) with mobile nodes against an LMA, open loop at --rate.",
            "Every operation starts one PBU at its scheduled time: attach a detached node, or refresh, hand off",
            "(--handoff-rate per second) or detach (--detach-rate per second) an attached one. A slow LMA shows as",
            "latency, not as a slower client. Progress on stderr every second; a summary on stdout at the end;",
            "--report DIR writes sim-report.json and sim-report.html; --pcap FILE records every message."})
public final class SimCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--lmaa", paramLabel = "ADDR[:PORT]",
            description = "LMA address: IPv4[:port] for udp (port 5436 by default), IPv6 for mh. Required unless only --echo-ceiling.")
    String lmaa;

    @Option(names = "--transport", defaultValue = "udp", paramLabel = "udp|mh",
            description = "udp: RFC 5844 IPv4/UDP; mh: raw IPv6 Mobility Header (needs CAP_NET_RAW). Default: ${DEFAULT-VALUE}.")
    String transport;

    @Option(names = "--mags", defaultValue = "10", paramLabel = "N", description = "Emulated MAGs (default: ${DEFAULT-VALUE}).")
    int mags;

    @Option(names = "--mns", defaultValue = "100", paramLabel = "M", description = "Mobile nodes per MAG (default: ${DEFAULT-VALUE}).")
    int mobileNodesPerMag;

    @Option(names = "--duration", defaultValue = "10", paramLabel = "SECONDS",
            description = "Length of the operation phase (default: ${DEFAULT-VALUE}).")
    double durationSeconds;

    @Option(names = "--count", paramLabel = "N", description = "Start exactly N operations instead of rate x duration.")
    Long count;

    @Option(names = "--rate", defaultValue = "100", paramLabel = "PBU_PER_S",
            description = "Operations (each one PBU) started per second, open loop (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--handoff-rate", defaultValue = "0", paramLabel = "R",
            description = "Of --rate, handoffs per second: detach at one MAG, attach at another with HI 3 (default: ${DEFAULT-VALUE}).")
    double handoffRate;

    @Option(names = "--detach-rate", defaultValue = "0", paramLabel = "R",
            description = "Of --rate, detaches (lifetime 0) per second; detached nodes attach again later (default: ${DEFAULT-VALUE}).")
    double detachRate;

    @Option(names = "--lifetime", defaultValue = "3600", paramLabel = "SECONDS",
            description = "Lifetime the MAGs ask for; they refresh on their own at 80 %% of it (default: ${DEFAULT-VALUE}).")
    long lifetimeSeconds;

    @Option(names = "--bulk", description = "Bulk binding update groups (RFC 6602): the MAGs' own refreshes go per group.")
    boolean bulk;

    @Option(names = "--group-size", defaultValue = "64", paramLabel = "N", description = "Bulk group size (default: ${DEFAULT-VALUE}).")
    int groupSize;

    @Option(names = "--drain", defaultValue = "10", paramLabel = "SECONDS",
            description = "After the last operation, wait at most this long for outstanding PBAs (default: ${DEFAULT-VALUE}).")
    double drainSeconds;

    @Option(names = "--local", paramLabel = "ADDR",
            description = "First local address: MAG k binds ADDR+k (udp, default 127.0.1.1); every MAG's Proxy-CoA (mh, default ::1).")
    String local;

    @Option(names = "--tag", defaultValue = "sim", description = "Mobile node identifiers are TAG-MAG-I@sim.pmip.example (default: ${DEFAULT-VALUE}).")
    String tag;

    @Option(names = "--report", paramLabel = "DIR", description = "Write sim-report.json and sim-report.html here.")
    Path report;

    @Option(names = "--pcap", paramLabel = "FILE", description = "Record every message sent and received (RAW pcap).")
    Path pcap;

    @Option(names = "--stub-lma",
            description = "Drive an in-process LMA stand-in that accepts every PBU at once instead of --lmaa (udp): the simulator's own ceiling.")
    boolean stubLma;

    @Option(names = "--echo-ceiling",
            description = "First measure the UDP request/response ceiling of this machine (a trivial echo driven by the same engine).")
    boolean echoCeiling;

    @Option(names = "--echo-rate", defaultValue = "1000", paramLabel = "PER_S",
            description = "First rate offered to the echo; it doubles each step until under 95 %% is answered (default: ${DEFAULT-VALUE}).")
    double echoRate;

    @Option(names = "--echo-max-rate", defaultValue = "512000", paramLabel = "PER_S",
            description = "Stop doubling above this rate (default: ${DEFAULT-VALUE}).")
    double echoMaxRate;

    @Option(names = "--echo-seconds", defaultValue = "2", paramLabel = "SECONDS", description = "Length of each echo step (default: ${DEFAULT-VALUE}).")
    double echoSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (stubLma && lmaa != null) {
            throw new ParameterException(spec.commandLine(), "--stub-lma replaces --lmaa: give one of them");
        }
        Optional<StubLma> stub = Optional.empty();
        if (stubLma) {
            scenario(); // a usage error before anything is opened
            stub = Optional.of(StubLma.open(InetAddress.getByName("127.0.0.1")));
            lmaa = "127.0.0.1:" + stub.get().address().getPort();
        }
        try {
            return run(out, err);
        } finally {
            stub.ifPresent(StubLma::close);
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws Exception {
        Optional<SimScenario> scenario = lmaa == null ? Optional.empty() : Optional.of(scenario());
        if (scenario.isEmpty() && !echoCeiling) {
            throw new ParameterException(spec.commandLine(), "--lmaa is required (or --echo-ceiling alone)");
        }
        EchoCeiling.Result echo = null;
        if (echoCeiling) {
            if (!(echoRate > 0) || !(echoSeconds > 0) || echoMaxRate < echoRate) {
                throw new ParameterException(spec.commandLine(),
                        "--echo-rate and --echo-seconds must be positive, --echo-max-rate at least --echo-rate");
            }
            err.println("measuring the UDP echo ceiling: " + echoSeconds + " s steps from " + echoRate + "/s, doubling ...");
            err.flush();
            echo = EchoCeiling.measure(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.1.1"), mags,
                    echoRate, echoMaxRate, seconds(echoSeconds));
            out.print(EchoCeiling.render(echo));
            out.flush();
        }
        if (scenario.isEmpty()) {
            return 0;
        }
        SimReport result;
        try (Simulation sim = Simulation.open(scenario.get(), Optional.ofNullable(pcap))) {
            err.println("pmip sim: " + scenario.get().mags() + " MAGs x " + scenario.get().mobileNodesPerMag()
                    + " mobile nodes, " + scenario.get().operations() + " operations at " + rate + "/s against "
                    + lmaa + " over " + transport);
            err.flush();
            result = sim.run(line -> {
                err.println(line);
                err.flush();
            });
        } catch (MissingCapabilityException e) {
            err.println("pmip sim: " + e.getMessage() + " (raw Mobility Header sockets need root or CAP_NET_RAW)");
            return 1;
        } catch (TransportException e) {
            err.println("pmip sim: " + e.getMessage());
            return 1;
        }
        if (echo != null) {
            result = result.withEcho(echo);
        }
        out.print(SimReportText.render(result));
        if (report != null) {
            SimReportFiles.write(result, report);
            out.println("report: " + report.resolve(SimReportFiles.JSON) + " " + report.resolve(SimReportFiles.HTML));
        }
        if (pcap != null) {
            out.println("capture: " + pcap);
        }
        out.flush();
        return 0;
    }

    /** The validated scenario; a bad value is a usage error naming the option. */
    SimScenario scenario() {
        TransportKind kind = switch (transport.toLowerCase(java.util.Locale.ROOT)) {
            case "udp" -> TransportKind.UDP_IPV4;
            case "mh" -> TransportKind.MH_IPV6;
            default -> throw new ParameterException(spec.commandLine(), "--transport must be udp or mh: " + transport);
        };
        if (!(durationSeconds > 0) || durationSeconds > 86_400) {
            throw new ParameterException(spec.commandLine(), "--duration must be in (0, 86400] seconds: " + durationSeconds);
        }
        if (!(drainSeconds >= 0)) {
            throw new ParameterException(spec.commandLine(), "--drain must not be negative: " + drainSeconds);
        }
        try {
            if (stubLma && kind != TransportKind.UDP_IPV4) {
                throw new IllegalArgumentException("--stub-lma speaks udp only");
            }
            Endpoint lma = stubLma && lmaa == null ? new Endpoint(literal("127.0.0.1"), 5436) : Endpoint.parse(lmaa, kind);
            InetAddress localAddress = literal(local != null ? local : kind == TransportKind.UDP_IPV4 ? "127.0.1.1" : "::1");
            return new SimScenario(kind, lma.address(), lma.port(), localAddress, mags, mobileNodesPerMag, rate,
                    handoffRate, detachRate, seconds(durationSeconds),
                    count == null ? OptionalLong.empty() : OptionalLong.of(count), Duration.ofSeconds(lifetimeSeconds),
                    bulk, groupSize, seconds(drainSeconds), tag);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    /** An address and UDP port from ADDR[:PORT], [IPv6] or IPv6. */
    record Endpoint(InetAddress address, int port) {
        static Endpoint parse(String text, TransportKind kind) {
            String host = text.trim();
            int port = kind == TransportKind.UDP_IPV4 ? 5436 : 0;
            if (host.startsWith("[")) {
                int close = host.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("--lmaa: missing ']' in " + text);
                }
                String rest = host.substring(close + 1);
                host = host.substring(1, close);
                if (rest.startsWith(":")) {
                    port = port(rest.substring(1), text);
                } else if (!rest.isEmpty()) {
                    throw new IllegalArgumentException("--lmaa: unexpected '" + rest + "' in " + text);
                }
            } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') >= 0) {
                port = port(host.substring(host.indexOf(':') + 1), text);
                host = host.substring(0, host.indexOf(':'));
            }
            return new Endpoint(literal(host), port);
        }

        private static int port(String text, String whole) {
            try {
                int p = Integer.parseInt(text);
                if (p < 1 || p > 0xffff) {
                    throw new NumberFormatException();
                }
                return p;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--lmaa: bad port '" + text + "' in " + whole);
            }
        }
    }

    /** An IP literal, never a name to resolve. */
    static InetAddress literal(String text) {
        boolean ipv4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = text.indexOf(':') >= 0 && text.matches("[0-9a-fA-F:.]+");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("not an IP address literal: '" + text + "'");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: '" + text + "'", e);
        }
    }
}
