package io.pmip.ops.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.pmip.protocol.codec.DecodeContext;
import io.pmip.protocol.codec.DecodeMode;
import io.pmip.protocol.codec.MobilityHeaderDecodeException;
import io.pmip.protocol.codec.MobilityHeaderDecoder;
import io.pmip.protocol.pcap.CapturedSignal;
import io.pmip.protocol.transport.TransportKind;
import io.pmip.protocol.pcap.FrameError;
import io.pmip.protocol.pcap.PcapFormatException;
import io.pmip.protocol.pcap.SignalCapture;
import io.pmip.protocol.pcap.SignalExtractor;
import io.pmip.protocol.pcap.SkippedFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pmip wire decode}: every Mobility Header of a capture, or one given as hex, as JSON lines. */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = {
            "Print one JSON object per Mobility Header message (JSON lines) on stdout: envelope, status "
                    + "\"ok\" with warnings and every field and option, or status \"error\" with the rule broken.",
            "Reads pcap files (raw IP, Ethernet, Linux cooked) or one message as --hex.",
            "Exit status: 0 every message decoded, 1 some did not, 2 usage error or unreadable file."})
final class DecodeCommand implements Callable<Integer> {
    enum TransportChoice { ipv6, udp }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "pcap capture to decode")
    Path file;

    @Option(names = "--hex", paramLabel = "HEX", description = "one Mobility Header as hex digits (spaces allowed)")
    String hex;

    @Option(names = "--src", paramLabel = "IPV6", description = "with --hex: IPv6 source, to verify the checksum")
    String source;

    @Option(names = "--dst", paramLabel = "IPV6", description = "with --hex: IPv6 destination, to verify the checksum")
    String destination;

    @Option(names = "--transport", paramLabel = "ipv6|udp",
            description = "with --hex: ipv6 (MH over IPv6, default) or udp (RFC 5844 IPv4/UDP, checksum not used)")
    TransportChoice transport;

    @Option(names = "--strict", description = "treat what lenient decoding warns about (misaligned options, non-zero reserved bits) as errors")
    boolean strict;

    private boolean failures;

    @Override
    public Integer call() {
        if ((file == null) == (hex == null)) {
            throw new ParameterException(spec.commandLine(), "give either FILE or --hex HEX");
        }
        if (file != null && (source != null || destination != null || transport != null)) {
            throw new ParameterException(spec.commandLine(), "--src, --dst and --transport go with --hex; a capture carries its own");
        }
        DecodeMode mode = strict ? DecodeMode.STRICT : DecodeMode.LENIENT;
        return file != null ? decodeCapture(mode) : decodeHex(mode);
    }

    private int decodeHex(DecodeMode mode) {
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--hex: not hex digits: " + e.getMessage());
        }
        if ((source == null) != (destination == null)) {
            throw new ParameterException(spec.commandLine(), "the checksum needs both --src and --dst");
        }
        DecodeContext context;
        Envelope envelope;
        if (transport == TransportChoice.udp) {
            if (source != null) {
                throw new ParameterException(spec.commandLine(), "--src/--dst verify the IPv6 checksum; --transport udp has none");
            }
            context = DecodeContext.ipv4Udp(mode);
            envelope = new Envelope(null, null, TransportKind.UDP_IPV4, null, null, CapturedSignal.NO_PORT, CapturedSignal.NO_PORT);
        } else {
            Inet6Address src = source == null ? null : address("--src", source);
            Inet6Address dst = destination == null ? null : address("--dst", destination);
            context = src == null ? DecodeContext.ipv6WithoutAddresses(mode) : DecodeContext.ipv6(src, dst, mode);
            envelope = new Envelope(null, null, TransportKind.MH_IPV6, src, dst, CapturedSignal.NO_PORT, CapturedSignal.NO_PORT);
        }
        decode(envelope, bytes, context);
        return failures ? 1 : 0;
    }

    private int decodeCapture(DecodeMode mode) {
        int[] counts = new int[3]; // messages, errors, skipped frames
        try (InputStream in = Files.newInputStream(file)) {
            SignalCapture.forEach(in, new SignalExtractor(), outcome -> {
                if (outcome instanceof CapturedSignal s) {
                    counts[0]++;
                    decode(Envelope.of(s), s.mhBytes(), context(s, mode));
                } else if (outcome instanceof FrameError e) {
                    counts[1]++;
                    print(WireLines.frameError(e));
                    failures = true;
                } else if (outcome instanceof SkippedFrame) {
                    counts[2]++;
                }
            });
        } catch (IOException e) {
            spec.commandLine().getErr().println("pmip wire decode: cannot read " + file + ": " + e);
            return 2;
        } catch (PcapFormatException e) {
            spec.commandLine().getErr().println("pmip wire decode: " + file + " is not a pcap capture: " + e.getMessage());
            return 2;
        }
        spec.commandLine().getErr().printf("pmip wire decode: %d messages, %d frame errors, %d frames without signaling%n",
                counts[0], counts[1], counts[2]);
        return failures ? 1 : 0;
    }

    private static DecodeContext context(CapturedSignal s, DecodeMode mode) {
        if (s.kind() == TransportKind.UDP_IPV4) {
            return DecodeContext.ipv4Udp(mode);
        }
        return s.source() instanceof Inet6Address src && s.destination() instanceof Inet6Address dst
                ? DecodeContext.ipv6(src, dst, mode)
                : DecodeContext.ipv6WithoutAddresses(mode);
    }

    private void decode(Envelope envelope, byte[] mobilityHeader, DecodeContext context) {
        try {
            print(WireLines.decoded(envelope, MobilityHeaderDecoder.decode(mobilityHeader, context)));
        } catch (MobilityHeaderDecodeException e) {
            failures = true;
            print(WireLines.failed(envelope, e, mobilityHeader));
        }
    }

    private void print(JsonNode line) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.println(Json.MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        out.flush();
    }

    private Inet6Address address(String option, String text) {
        try {
            return IpText.ipv6(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
