package io.pmip.ops.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pmip.protocol.pcap.PcapWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
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
        } catch (IOException | java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println("pmip wire encode: cannot read " + (in == null ? "stdin" : in) + ": " + e);
            return 2;
        }
        List<WireLines.Parsed> parsed = new ArrayList<>();
        List<byte[]> headers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                WireLines.Parsed line = WireLines.parse(Json.MAPPER.readTree(lines.get(i)));
                headers.add(LineEncoder.mobilityHeader(line));
                parsed.add(line);
            } catch (JsonProcessingException e) {
                problems.add("line " + (i + 1) + ": not JSON: " + e.getOriginalMessage());
            } catch (WireJsonException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            } catch (IllegalArgumentException e) { // the encoder's own limit: over 2048 octets
                problems.add("line " + (i + 1) + ": cannot encode: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> spec.commandLine().getErr().println("pmip wire encode: " + p));
            spec.commandLine().getErr().println("pmip wire encode: nothing written (" + problems.size() + " bad line"
                    + (problems.size() == 1 ? "" : "s") + ")");
            return 1;
        }
        return pcap != null ? writePcap(parsed, headers) : writeHex(headers);
    }

    private int writeHex(List<byte[]> headers) {
        PrintWriter out = spec.commandLine().getOut();
        headers.forEach(h -> out.println(HexFormat.of().formatHex(h)));
        out.flush();
        return 0;
    }

    private int writePcap(List<WireLines.Parsed> lines, List<byte[]> headers) {
        // Lines without a time follow the previous frame by 1 ms; the first starts now.
        Instant time = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (OutputStream out = Files.newOutputStream(pcap); PcapWriter writer = PcapWriter.open(out)) {
            for (int i = 0; i < lines.size(); i++) {
                WireLines.Parsed line = lines.get(i);
                time = line.envelope().time() != null ? line.envelope().time() : time.plus(Duration.ofMillis(i == 0 ? 0 : 1));
                writer.write(time, LineEncoder.ipPacket(line, headers.get(i)));
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("pmip wire encode: cannot write " + pcap + ": " + e);
            return 2;
        }
        spec.commandLine().getErr().println("pmip wire encode: " + lines.size() + " frames written to " + pcap);
        return 0;
    }
}
