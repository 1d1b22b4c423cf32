package io.pmip.ops.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pmip.protocol.pcap.PcapWriter;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pmip wire encode}: JSON lines as {@code pmip wire decode} prints them back to bytes. All
 * lines are checked before anything is written, so a bad line never leaves half a capture.
 */
@Command(
        name = "encode",
        mixinStandardHelpOptions = true,
        description = {
            "Read JSON lines (the shape 'pmip wire decode' prints; status, warnings and error are ignored) "
                    + "and write each message's Mobility Header bytes.",
            "A line without \"message\" but with \"bytes\" (a message decode could not read) is written as given.",
            "Missing addresses default to 2001:db8::1 -> 2001:db8::2 (MH_IPV6) or 192.0.2.1 -> 192.0.2.2 "
                    + "port 5436 (UDP_IPV4); the IPv6 checksum is computed over them.",
            "Exit status: 0 all written, 1 some line is not a valid message (nothing written), 2 usage error or unreadable input."})
final class EncodeCommand implements Callable<Integer> {
    enum OutFormat { hex }

    @Spec
    CommandSpec spec;

    @Option(names = "--in", paramLabel = "FILE", description = "JSON lines to read (default: stdin)")
    Path in;

    @Option(names = "--out-format", paramLabel = "hex", defaultValue = "hex",
            description = "hex: one line of hex digits per message on stdout (default)")
    OutFormat outFormat;

    @Option(names = "--pcap", paramLabel = "FILE", description = "write a raw-IP pcap capture instead, one frame per message")
    Path pcap;

    @Override
    public Integer call() {
        List<String> lines;
        try (Reader reader = in == null ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
            lines = new BufferedReader(reader).lines().toList();
        } catch (IOException | UncheckedIOException e) {
            spec.commandLine().getErr().println("pmip wire encode: cannot read " + (in == null ? "stdin" : in) + ": " + e);
            return 2;
        }
        List<Encoded> encoded = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                WireLines.Parsed line = WireLines.parse(Json.MAPPER.readTree(lines.get(i)));
                encoded.add(new Encoded(i + 1, line, LineEncoder.mobilityHeader(line)));
            } catch (JsonProcessingException e) {
                problems.add("line " + (i + 1) + ": not JSON: " + e.getOriginalMessage());
            } catch (WireJsonException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            } catch (IllegalArgumentException e) { // the encoder's own limit: over 2048 octets
                problems.add("line " + (i + 1) + ": cannot encode: " + e.getMessage());
            }
        }
        byte[] capture = problems.isEmpty() && pcap != null ? capture(encoded, problems) : null;
        if (!problems.isEmpty()) {
            problems.forEach(p -> spec.commandLine().getErr().println("pmip wire encode: " + p));
            spec.commandLine().getErr().println("pmip wire encode: nothing written (" + problems.size() + " bad line"
                    + (problems.size() == 1 ? "" : "s") + ")");
            return 1;
        }
        return capture != null ? writePcap(capture, encoded.size()) : writeHex(encoded);
    }

    /** One line that encoded: its number (for messages) and its Mobility Header. */
    private record Encoded(int lineNumber, WireLines.Parsed line, byte[] mobilityHeader) {
    }

    private int writeHex(List<Encoded> encoded) {
        PrintWriter out = spec.commandLine().getOut();
        encoded.forEach(e -> out.println(HexFormat.of().formatHex(e.mobilityHeader())));
        out.flush();
        return 0;
    }

    /**
     * The whole capture in memory, so a line pcap cannot hold (a time outside 1970..2106, a packet
     * over 64 KiB) is reported like any other bad line and no partial file is left behind.
     */
    private static byte[] capture(List<Encoded> encoded, List<String> problems) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        // A line without a time follows the previous frame by 1 ms; a first line without one is "now".
        Instant next = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (PcapWriter writer = PcapWriter.open(buffer)) {
            for (Encoded e : encoded) {
                Instant time = e.line().envelope().time() != null ? e.line().envelope().time() : next;
                try {
                    writer.write(time, LineEncoder.ipPacket(e.line(), e.mobilityHeader()));
                } catch (IllegalArgumentException ex) {
                    problems.add("line " + e.lineNumber() + ": cannot write to pcap: " + ex.getMessage());
                }
                next = time.plus(Duration.ofMillis(1));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("a byte array does not fail", ex);
        }
        return buffer.toByteArray();
    }

    private int writePcap(byte[] capture, int frames) {
        try {
            Files.write(pcap, capture);
        } catch (IOException e) {
            spec.commandLine().getErr().println("pmip wire encode: cannot write " + pcap + ": " + e);
            return 2;
        }
        spec.commandLine().getErr().println("pmip wire encode: " + frames + " frames written to " + pcap);
        return 0;
    }
}
