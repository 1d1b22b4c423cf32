package io.pmip.ops.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * The report as one self-contained HTML page: tables and inline SVG line charts (throughput and
 * latency over time, the latency percentile distribution), no scripts, no external resources.
 */
final class SimReportHtml {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 260;
    private static final int LEFT = 60;
    private static final int RIGHT = 120;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    /** One line of a chart. */
    private record Series(String name, String color, double[] x, double[] y) {
    }

    private SimReportHtml() {
    }

    static String render(SimReport r) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>pmip sim report</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;")
                .append("margin:1em 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}")
                .append("th{background:#eee}td:first-child,th:first-child{text-align:left}</style></head><body>\n");
        b.append("<h1>pmip sim</h1>\n<p>started ").append(esc(r.startedAt())).append(", schema ")
                .append(esc(r.schema())).append("</p>\n");
        b.append("<h2>Scenario</h2>\n<table>");
        r.scenario().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                b.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(esc(String.valueOf(e.getValue())))
                        .append("</td></tr>"));
        b.append("</table>\n<h2>Summary</h2>\n<pre>").append(esc(SimReportText.render(r))).append("</pre>\n");

        b.append("<h2>Messages</h2>\n<table><tr><th>direction</th><th>message</th><th>kind</th><th>count</th>")
                .append("<th>per second</th></tr>");
        for (SimReport.MessageRate m : r.messages()) {
            b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%.1f</td></tr>",
                    esc(m.direction()), esc(m.message()), esc(m.kind()), m.count(), m.perSecond()));
        }
        b.append("</table>\n<h2>PBA status</h2>\n<table><tr><th>status</th><th>count</th></tr>");
        r.pbaStatuses().forEach((code, n) -> b.append("<tr><td>").append(code).append("</td><td>").append(n)
                .append("</td></tr>"));
        b.append("</table>\n");

        List<SimReport.TimelinePoint> t = r.timeline();
        double[] seconds = t.stream().mapToDouble(SimReport.TimelinePoint::second).toArray();
        b.append("<h2>Throughput over time</h2>\n").append(chart("messages per second", "s", seconds.length == 0
                ? List.of() : List.of(
                        new Series("PBU sent", "#1f77b4", seconds, t.stream().mapToDouble(p -> p.pbusSent()).toArray()),
                        new Series("PBA received", "#2ca02c", seconds,
                                t.stream().mapToDouble(p -> p.pbasReceived()).toArray()),
                        new Series("outstanding", "#aaaaaa", seconds,
                                t.stream().mapToDouble(p -> p.outstanding()).toArray())),
                x -> fmt(x)));
        b.append("<h2>PBA latency over time</h2>\n").append(chart("ms, PBAs of each second", "s",
                seconds.length == 0 ? List.of() : List.of(
                        new Series("p50", "#2ca02c", seconds, t.stream().mapToDouble(SimReport.TimelinePoint::p50).toArray()),
                        new Series("p99", "#ff7f0e", seconds, t.stream().mapToDouble(SimReport.TimelinePoint::p99).toArray()),
                        new Series("max", "#d62728", seconds, t.stream().mapToDouble(SimReport.TimelinePoint::max).toArray())),
                x -> fmt(x)));

        List<Series> cdfs = new ArrayList<>();
        cdfs.add(cdf("all PBAs", "#1f77b4", r.pbaLatency()));
        if (r.handoffCompletion().count() > 0) {
            cdfs.add(cdf("handoff completion", "#9467bd", r.handoffCompletion()));
        }
        String[] colors = {"#2ca02c", "#ff7f0e", "#d62728", "#8c564b", "#e377c2", "#17becf", "#bcbd22"};
        int c = 0;
        for (Map.Entry<String, SimReport.Percentiles> e : r.pbaLatencyByKind().entrySet()) {
            cdfs.add(cdf(e.getKey(), colors[c++ % colors.length], e.getValue()));
        }
        cdfs.removeIf(s -> s.x().length == 0);
        b.append("<h2>Latency percentiles</h2>\n<p>x: percentile on a log scale of 1/(1-p); y: ms</p>\n")
                .append(chart("ms", "percentile", cdfs, SimReportHtml::percentileLabel));
        b.append("<h2>Latency table (ms)</h2>\n<table><tr><th>what</th><th>n</th><th>p50</th><th>p90</th><th>p99</th>")
                .append("<th>p99.9</th><th>max</th></tr>");
        row(b, "all PBAs", r.pbaLatency());
        r.pbaLatencyByKind().forEach((k, p) -> row(b, "PBA " + k, p));
        row(b, "handoff completion", r.handoffCompletion());
        b.append("</table>\n</body></html>\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String name, SimReport.Percentiles p) {
        b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.2f</td><td>%.2f</td><td>%.2f</td>"
                + "<td>%.2f</td><td>%.2f</td></tr>", esc(name), p.count(), p.p50(), p.p90(), p.p99(), p.p999(), p.max()));
    }

    /** x = log10(1 / (1 - p)): 0 at p0, 1 at p90, 2 at p99, 3 at p99.9, 4 at p99.99 (the cap, also for p100). */
    private static Series cdf(String name, String color, SimReport.Percentiles p) {
        double[] x = new double[p.cdf().size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double percentile = Math.min(p.cdf().get(i)[0], 99.99);
            x[i] = Math.log10(100 / (100 - percentile));
            y[i] = p.cdf().get(i)[1];
        }
        return new Series(name, color, x, y);
    }

    private static String percentileLabel(double x) {
        double p = 100 - 100 / Math.pow(10, x);
        return new java.math.BigDecimal(p).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private static String chart(String yLabel, String xLabel, List<Series> series, DoubleFunction<String> xTick) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-size=\"11\">", WIDTH, HEIGHT, WIDTH, HEIGHT));
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = 0;
        for (Series line : series) {
            for (double x : line.x()) {
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
            }
            for (double y : line.y()) {
                maxY = Math.max(maxY, y);
            }
        }
        if (series.isEmpty()) {
            return s.append("<text x=\"10\" y=\"20\">no data</text></svg>").toString();
        }
        maxX = maxX > minX ? maxX : minX + 1;
        maxY = maxY > 0 ? maxY * 1.05 : 1;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#999\"/>", LEFT, TOP, plotW, plotH));
        for (int i = 0; i <= 4; i++) {
            double yv = maxY * i / 4;
            double py = TOP + plotH - plotH * i / 4.0;
            double xv = minX + (maxX - minX) * i / 4;
            double px = LEFT + plotW * i / 4.0;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT - 4,
                    py + 4, fmt(yv)));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px,
                    TOP + plotH + 14, esc(xTick.apply(xv))));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", LEFT, TOP - 10, esc(yLabel)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                LEFT + plotW / 2, HEIGHT - 6, esc(xLabel)));
        int legend = 0;
        for (Series line : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < line.x().length; i++) {
                double px = LEFT + plotW * (line.x()[i] - minX) / (maxX - minX);
                double py = TOP + plotH - plotH * line.y()[i] / maxY;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            s.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(line.color())
                    .append("\" points=\"").append(points.toString().trim()).append("\"/>");
            int ly = TOP + 10 + 16 * legend++;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>", WIDTH - RIGHT + 8, ly, WIDTH - RIGHT + 24,
                    ly, line.color(), WIDTH - RIGHT + 28, ly + 4, esc(line.name())));
        }
        return s.append("</svg>\n").toString();
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 1 ? "%.1f" : "%.3f", v);
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
