package io.pmip.protocol.testsupport;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Wireshark's dissector as an independent judge of our bytes. Runs {@code tshark -n -r FILE -T
 * pdml}: PDML carries every field with its {@code show} value and the expert items
 * ({@code _ws.expert}, with {@code _ws.malformed} for exceptions) with numeric severity and group,
 * which the fields and JSON outputs do not give reliably. tshark 4.0 decodes UDP port 5436 as
 * MIPv6 by default ({@code tshark -G decodes}: {@code udp.port 5436 mipv6}), so no {@code -o} or
 * {@code -d} option is needed for either transport.
 */
public final class Tshark {
    public static final String EXECUTABLE = "tshark";

    /** Expert info severities, with the PI_* values of Wireshark's epan/proto.h. */
    public enum Severity {
        COMMENT(0x00100000), CHAT(0x00200000), NOTE(0x00400000), WARN(0x00600000), ERROR(0x00800000);

        private final int wireValue;

        Severity(int wireValue) {
            this.wireValue = wireValue;
        }

        static Severity of(String show, String showname) {
            try {
                int v = Integer.parseInt(show);
                for (Severity s : values()) {
                    if (s.wireValue == v) {
                        return s;
                    }
                }
            } catch (NumberFormatException ignored) {
                // fall through to the human text
            }
            String text = showname.toLowerCase(Locale.ROOT);
            for (Severity s : values()) {
                if (text.contains(s.name().toLowerCase(Locale.ROOT).substring(0, 4))) {
                    return s;
                }
            }
            return ERROR;
        }
    }

    /**
     * One expert item.
     *
     * @param group lower-case group name as tshark prints it, e.g. "malformed", "protocol"
     * @param field the expert field that raised it, e.g. "mip6.opt.len.invalid"
     */
    public record ExpertItem(Severity severity, String group, String message, String field) {
    }

    /**
     * One dissected frame.
     *
     * @param fields every field name to its {@code show} values in dissection order, e.g.
     *     "mip6.mhtype" -> ["5"]; repeated fields (e.g. "mip6.mobility_opt.len") have one value each
     * @param protocols the protocol layers, e.g. "ipv6", "mipv6", "_ws.malformed"
     */
    public record Frame(int number, Map<String, List<String>> fields, List<ExpertItem> expert, Set<String> protocols) {
        public Frame {
            fields = Collections.unmodifiableMap(fields);
            expert = List.copyOf(expert);
            protocols = Collections.unmodifiableSet(protocols);
        }
    }

    private Tshark() {
    }

    public static boolean available() {
        return ExternalProcess.works(List.of(EXECUTABLE, "--version"));
    }

    /** Dissects every frame of {@code pcap}; {@code extraArgs} go before {@code -T pdml}. */
    public static List<Frame> dissect(Path pcap, String... extraArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE, "-n", "-r", pcap.toString()));
        command.addAll(List.of(extraArgs));
        command.addAll(List.of("-T", "pdml"));
        ExternalProcess.Result result = ExternalProcess.run(command, null);
        if (result.exitCode() != 0) {
            throw new IOException("tshark exited " + result.exitCode() + ": " + result.stderr());
        }
        return parsePdml(result.stdout());
    }

    /** {@code tshark -T fields -e ...}: one row per frame, one cell per field (comma-joined repeats). */
    public static List<List<String>> fields(Path pcap, String... fieldNames) throws IOException {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE, "-n", "-r", pcap.toString(), "-T", "fields"));
        for (String f : fieldNames) {
            command.add("-e");
            command.add(f);
        }
        ExternalProcess.Result result = ExternalProcess.run(command, null);
        if (result.exitCode() != 0) {
            throw new IOException("tshark exited " + result.exitCode() + ": " + result.stderr());
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            if (!line.isEmpty()) {
                rows.add(List.of(line.split("\t", -1)));
            }
        }
        return rows;
    }

    public static List<String> fieldValues(Frame frame, String name) {
        return frame.fields().getOrDefault(name, List.of());
    }

    /** True when tshark raised a warning or error, or flagged the frame malformed. */
    public static boolean hasMalformedOrWarning(Frame frame) {
        return frame.protocols().contains("_ws.malformed")
                || frame.expert().stream().anyMatch(e -> e.severity().compareTo(Severity.WARN) >= 0
                        || e.group().equals("malformed"));
    }

    static List<Frame> parsePdml(String xml) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("tshark PDML did not parse", e);
        }
        List<Frame> frames = new ArrayList<>();
        for (Element packet : children(doc.getDocumentElement(), "packet")) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            List<ExpertItem> expert = new ArrayList<>();
            Set<String> protocols = new LinkedHashSet<>();
            walk(packet, fields, expert, protocols);
            List<String> number = fields.getOrDefault("frame.number", List.of("0"));
            frames.add(new Frame(Integer.parseInt(number.get(0)), fields, expert, protocols));
        }
        return frames;
    }

    private static void walk(Element element, Map<String, List<String>> fields, List<ExpertItem> expert,
            Set<String> protocols) {
        for (Element child : children(element, null)) {
            String name = child.getAttribute("name");
            if (child.getTagName().equals("proto")) {
                protocols.add(name);
            } else if (child.getTagName().equals("field") && !name.isEmpty()) {
                String show = child.hasAttribute("show") ? child.getAttribute("show") : child.getAttribute("showname");
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(show);
                if (name.equals("_ws.expert")) {
                    expert.add(expertItem(child));
                }
            }
            walk(child, fields, expert, protocols);
        }
    }

    private static ExpertItem expertItem(Element expertField) {
        Severity severity = Severity.ERROR;
        String group = "";
        String message = "";
        String raisedBy = "";
        for (Element f : children(expertField, "field")) {
            String name = f.getAttribute("name");
            switch (name) {
                case "_ws.expert.severity" -> severity = Severity.of(f.getAttribute("show"), f.getAttribute("showname"));
                case "_ws.expert.group" -> group = afterColon(f.getAttribute("showname")).toLowerCase(Locale.ROOT);
                case "_ws.expert.message" -> message = f.getAttribute("show");
                default -> raisedBy = raisedBy.isEmpty() ? name : raisedBy;
            }
        }
        return new ExpertItem(severity, group, message, raisedBy);
    }

    private static String afterColon(String showname) {
        int i = showname.indexOf(':');
        return i < 0 ? showname : showname.substring(i + 1).trim();
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (tag == null || e.getTagName().equals(tag))) {
                result.add(e);
            }
        }
        return result;
    }
}
