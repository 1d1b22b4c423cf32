package io.pmip.lma.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the Prometheus text exposition format, version 0.0.4: per family a {@code # HELP} and a
 * {@code # TYPE} line, then {@code name{label="value",...} value} lines. Label values escape
 * backslash, double quote and newline; HELP text escapes backslash and newline (as the format says).
 */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** One sample line; {@code suffix} is appended to the family name (histograms: _bucket, _sum, _count). */
    record Sample(String suffix, Map<String, String> labels, double value) {
        static Sample of(double value) {
            return new Sample("", Map.of(), value);
        }

        static Sample of(Map<String, String> labels, double value) {
            return new Sample("", labels, value);
        }
    }

    private final StringBuilder out = new StringBuilder();

    /** One metric family; a family with no samples still gets its HELP and TYPE lines. */
    PrometheusText family(String name, String type, String help, List<Sample> samples) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        for (Sample s : samples) {
            out.append(name).append(s.suffix());
            if (!s.labels().isEmpty()) {
                List<String> pairs = new ArrayList<>();
                s.labels().forEach((k, v) -> pairs.add(k + "=\"" + escape(v) + "\""));
                out.append('{').append(String.join(",", pairs)).append('}');
            }
            out.append(' ').append(format(s.value())).append('\n');
        }
        return this;
    }

    String text() {
        return out.toString();
    }

    static String format(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
