package io.pmip.ops.bench;

import io.pmip.ops.load.LoadClient;
import io.pmip.ops.load.LoadPhase;
import io.pmip.ops.load.LoadProfile;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pmip bench load}: drive a running LMA with emulated MAGs and print one report per phase. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Drive a running LMA (e.g. `pmip cluster start`) with emulated MAGs; one report line per phase.")
final class LoadCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--lma", defaultValue = "127.0.0.1:5436", paramLabel = "ADDR[:PORT]",
            description = "LMA: IPv4:port for UDP (default: ${DEFAULT-VALUE}), or an IPv6 address with --mh.")
    String lma;

    @Option(names = "--mh", description = "Raw IPv6 Mobility Header instead of UDP (needs CAP_NET_RAW).")
    boolean mh;

    @Option(names = "--mags", defaultValue = "10", description = "Emulated MAGs (default: ${DEFAULT-VALUE}).")
    int mags;

    @Option(names = "--mns", defaultValue = "1000", description = "Mobile nodes in all (default: ${DEFAULT-VALUE}).")
    int mobileNodes;

    @Option(names = "--rate", defaultValue = "500", description = "PBUs per second, open loop; 0 = as fast as --in-flight allows (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--in-flight", defaultValue = "10000", description = "Most PBUs awaiting a PBA (default: ${DEFAULT-VALUE}).")
    int inFlight;

    @Option(names = "--phases", defaultValue = "register,refresh,deregister", split = ",",
            description = "Phases in order (default: ${DEFAULT-VALUE}).")
    List<LoadPhase> phases;

    @Option(names = "--tag", defaultValue = "sim", description = "Mobile node identifiers are TAG-i@load.pmip.example.")
    String tag;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LoadProfile profile = profile();
        try (LoadClient client = LoadClient.open(profile)) {
            for (LoadPhase phase : phases) {
                out.println(client.run(phase, Duration.ofMinutes(10)).render());
                out.flush();
            }
        }
        return 0;
    }

    private LoadProfile profile() throws java.net.UnknownHostException {
        int perMag = Math.max(1, mobileNodes / mags);
        if (mh) {
            return LoadProfile.mh(InetAddress.getByName(lma), mags, perMag, rate).withMaxInFlight(inFlight).withTag(tag);
        }
        int colon = lma.lastIndexOf(':');
        String host = colon < 0 ? lma : lma.substring(0, colon);
        int port = colon < 0 ? LoadProfile.LMA_UDP_PORT : Integer.parseInt(lma.substring(colon + 1));
        return LoadProfile.udp(InetAddress.getByName(host), port, mags, perMag, rate).withMaxInFlight(inFlight)
                .withTag(tag);
    }

}
