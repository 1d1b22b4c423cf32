package io.pmip.ops.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pmip.protocol.Bytes;
import io.pmip.protocol.codec.DecodeResult;
import io.pmip.protocol.codec.DecodeWarning;
import io.pmip.protocol.codec.MobilityHeaderDecodeException;
import io.pmip.protocol.mh.MobilityMessage;
import io.pmip.protocol.pcap.CapturedSignal;
import io.pmip.protocol.transport.TransportKind;
import io.pmip.protocol.pcap.FrameError;
import java.net.InetAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/**
 * The JSON line of {@code pmip wire}: one object per Mobility Header (or per unreadable frame) with
 * the envelope ({@code frame}, {@code time}, {@code transport}, {@code source}, {@code destination},
 * ports), {@code status} {@code "ok"} with {@code warnings} and the {@code message}
 * ({@link MobilityJson}), or {@code "error"} with the {@code error} and the raw {@code bytes}.
 * Reading back takes the envelope and either the message or, without one, the raw bytes.
 */
final class WireLines {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of();

    /** A line read back: the envelope and either a message or raw Mobility Header bytes. */
    record Parsed(Envelope envelope, MobilityMessage message, Bytes rawBytes) {
    }

    private WireLines() {
    }

    static ObjectNode decoded(Envelope envelope, DecodeResult result) {
        ObjectNode line = envelope(envelope);
        line.put("status", "ok");
        ArrayNode warnings = line.putArray("warnings");
        for (DecodeWarning w : result.warnings()) {
            warnings.addObject().put("rule", w.rule().name()).put("offset", w.offset()).put("message", w.message());
        }
        line.set("message", MobilityJson.toJson(result.message()));
        return line;
    }

    static ObjectNode failed(Envelope envelope, MobilityHeaderDecodeException e, byte[] mobilityHeader) {
        ObjectNode line = envelope(envelope);
        line.put("status", "error");
        String prefix = e.rule() + " at byte " + e.offset() + ": "; // rule and offset have their own fields
        String detail = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        line.putObject("error").put("rule", e.rule().name()).put("offset", e.offset()).put("message", detail);
        line.put("bytes", HEX.formatHex(mobilityHeader));
        return line;
    }

    /** A frame the capture reader could not take apart down to a Mobility Header. */
    static ObjectNode frameError(FrameError e) {
        ObjectNode line = NODES.objectNode();
        line.put("frame", e.frameNumber());
        line.put("status", "error");
        line.putObject("error").put("rule", e.kind().name()).put("frameOffset", e.frameOffset())
                .put("fileOffset", e.fileOffset()).put("message", e.detail());
        return line;
    }

    private static ObjectNode envelope(Envelope e) {
        ObjectNode line = NODES.objectNode();
        if (e.frame() != null) {
            line.put("frame", e.frame());
        }
        if (e.time() != null) {
            line.put("time", e.time().toString());
        }
        line.put("transport", e.transport().name());
        if (e.source() != null) {
            line.put("source", IpText.format(e.source()));
        }
        if (e.sourcePort() != CapturedSignal.NO_PORT) {
            line.put("sourcePort", e.sourcePort());
        }
        if (e.destination() != null) {
            line.put("destination", IpText.format(e.destination()));
        }
        if (e.destinationPort() != CapturedSignal.NO_PORT) {
            line.put("destinationPort", e.destinationPort());
        }
        return line;
    }

    /** Reads a line; status, warnings, error and unknown envelope fields are ignored. */
    static Parsed parse(JsonNode line) throws WireJsonException {
        if (line == null || !line.isObject()) {
            throw new WireJsonException("", "expected a JSON object per line, got " + line);
        }
        TransportKind transport = transport(line.get("transport"));
        boolean udp = transport == TransportKind.UDP_IPV4;
        Envelope envelope = new Envelope(
                line.hasNonNull("frame") ? integer(line, "frame", 1, Integer.MAX_VALUE) : null,
                line.hasNonNull("time") ? time(line.get("time")) : null,
                transport,
                address(line, "source", udp),
                address(line, "destination", udp),
                port(line, "sourcePort", udp),
                port(line, "destinationPort", udp));
        if (line.hasNonNull("message")) {
            return new Parsed(envelope, MobilityJson.messageFromJson(line.get("message"), "message"), null);
        }
        if (line.hasNonNull("bytes")) {
            JsonNode bytes = line.get("bytes");
            try {
                if (bytes.isTextual()) {
                    return new Parsed(envelope, null, Bytes.fromHex(bytes.asText()));
                }
            } catch (IllegalArgumentException e) {
                throw new WireJsonException("bytes", "not hex: " + e.getMessage());
            }
            throw new WireJsonException("bytes", "expected a hex string, got " + bytes);
        }
        throw new WireJsonException("", "nothing to encode: the line has neither \"message\" nor \"bytes\""
                + (line.has("error") ? " (a frame decode could not read)" : ""));
    }

    private static TransportKind transport(JsonNode node) throws WireJsonException {
        if (node == null || node.isNull()) {
            return TransportKind.MH_IPV6;
        }
        for (TransportKind t : TransportKind.values()) {
            if (t.name().equals(node.asText())) {
                return t;
            }
        }
        throw new WireJsonException("transport", "expected MH_IPV6 or UDP_IPV4, got " + node);
    }

    private static InetAddress address(JsonNode line, String field, boolean udp) throws WireJsonException {
        JsonNode node = line.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            if (!node.isTextual()) {
                throw new IllegalArgumentException("expected an address string, got " + node);
            }
            return udp ? IpText.ipv4(node.asText()) : IpText.ipv6(node.asText());
        } catch (IllegalArgumentException e) {
            throw new WireJsonException(field, e.getMessage() + (udp ? " (transport UDP_IPV4 needs IPv4)" : ""));
        }
    }

    private static int port(JsonNode line, String field, boolean udp) throws WireJsonException {
        if (!line.hasNonNull(field)) {
            return CapturedSignal.NO_PORT;
        }
        if (!udp) {
            throw new WireJsonException(field, "ports only exist with transport UDP_IPV4");
        }
        return integer(line, field, 0, 0xffff);
    }

    private static int integer(JsonNode line, String field, int min, int max) throws WireJsonException {
        JsonNode node = line.get(field);
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw new WireJsonException(field, "expected an integer " + min + ".." + max + ", got " + node);
        }
        return node.intValue();
    }

    private static Instant time(JsonNode node) throws WireJsonException {
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new WireJsonException("time", "expected an ISO-8601 instant like 2026-01-01T00:00:00Z, got " + node);
        }
    }
}
