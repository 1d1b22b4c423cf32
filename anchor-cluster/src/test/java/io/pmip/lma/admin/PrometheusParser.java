package io.pmip.lma.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small parser of the Prometheus text format 0.0.4, strict enough to catch a broken exposition:
 * {@code # HELP name text}, {@code # TYPE name type}, {@code name{k="v",...} value}; a sample must
 * follow the TYPE line of its family (histograms: name_bucket/_sum/_count).
 */
final class PrometheusParser {
    record Sample(String name, Map<String, String> labels, double value) {
    }

    record Exposition(Map<String, String> help, Map<String, String> types, List<Sample> samples) {
        /** The value of the sample with exactly these labels; empty when absent. */
        Optional<Double> value(String name, Map<String, String> labels) {
            return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels))
                    .map(Sample::value).findFirst();
        }

        double valueOrZero(String name, Map<String, String> labels) {
            return value(name, labels).orElse(0.0);
        }
    }

    private PrometheusParser() {
    }

    static Exposition parse(String text) {
        Map<String, String> help = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        List<Sample> samples = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# HELP ")) {
                String[] parts = line.substring(7).split(" ", 2);
                requireName(parts[0], lineNo);
                if (help.put(parts[0], parts.length > 1 ? parts[1] : "") != null) {
                    throw new AssertionError("line " + lineNo + ": second HELP for " + parts[0]);
                }
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                if (parts.length != 2 || !List.of("counter", "gauge", "histogram", "summary", "untyped")
                        .contains(parts[1])) {
                    throw new AssertionError("line " + lineNo + ": bad TYPE line: " + line);
                }
                requireName(parts[0], lineNo);
                types.put(parts[0], parts[1]);
            } else if (line.startsWith("#")) {
                continue; // a comment
            } else {
                Sample s = sample(line, lineNo);
                if (!types.containsKey(family(s.name(), types))) {
                    throw new AssertionError("line " + lineNo + ": sample before its TYPE: " + line);
                }
                samples.add(s);
            }
        }
        return new Exposition(help, types, samples);
    }

    private static String family(String name, Map<String, String> types) {
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            if (name.endsWith(suffix) && "histogram".equals(types.get(name.substring(0, name.length() - suffix.length())))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static Sample sample(String line, int lineNo) {
        int brace = line.indexOf('{');
        int space;
        String name;
        Map<String, String> labels = new LinkedHashMap<>();
        if (brace >= 0) {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String key = line.substring(i, eq);
                requireName(key, lineNo);
                if (line.charAt(eq + 1) != '"') {
                    throw new AssertionError("line " + lineNo + ": label value not quoted: " + line);
                }
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                while (line.charAt(j) != '"') {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char n = line.charAt(++j);
                        value.append(n == 'n' ? '\n' : n);
                    } else {
                        value.append(c);
                    }
                    j++;
                }
                labels.put(key, value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            space = i + 1;
            if (line.charAt(space) != ' ') {
                throw new AssertionError("line " + lineNo + ": no space before the value: " + line);
            }
        } else {
            space = line.indexOf(' ');
            name = line.substring(0, space);
        }
        requireName(name, lineNo);
        String valueText = line.substring(space + 1).trim();
        double value = switch (valueText) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(valueText);
        };
        return new Sample(name, labels, value);
    }

    private static void requireName(String name, int lineNo) {
        if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new AssertionError("line " + lineNo + ": bad metric or label name '" + name + "'");
        }
    }
}
