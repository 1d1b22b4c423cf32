package io.pmip.ops.sim;

import java.util.Locale;
import java.util.stream.Collectors;

/** The end-of-run summary printed on the console (and quoted in the benchmark files). */
final class SimReportText {
    private SimReportText() {
    }

    static String render(SimReport r) {
        StringBuilder b = new StringBuilder();
        SimReport.Offered o = r.offered();
        b.append(String.format(Locale.ROOT, "offered %.0f ops/s for %.1f s: %d started, %d finished, %d skipped"
                + " (no idle mobile node), %d unfinished at the end; pacer max lag %.1f ms%n", o.ratePerSecond(),
                o.seconds(), o.started(), o.completed(), o.skippedBusy(), o.unfinished(), o.pacerMaxLagMillis()));
        b.append(String.format(Locale.ROOT, "PBA throughput %.0f/s (%d PBAs for %d PBUs sent)%n", r.pbaPerSecond(),
                r.count(SimMetrics.RECEIVED, "PBA"), r.count(SimMetrics.SENT, "PBU")));
        for (SimReport.MessageRate m : r.messages()) {
            b.append(String.format(Locale.ROOT, "  %-8s %-4s %-20s %9d %10.1f/s%n", m.direction(), m.message(), m.kind(),
                    m.count(), m.perSecond()));
        }
        b.append("PBA statuses: ").append(r.pbaStatuses().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"))).append(System.lineSeparator());
        b.append("PBA latency ms: ").append(line(r.pbaLatency())).append(System.lineSeparator());
        r.pbaLatencyByKind().forEach((kind, p) -> b.append("  ").append(kind).append(": ").append(line(p))
                .append(System.lineSeparator()));
        b.append("handoff completion ms: ").append(line(r.handoffCompletion())).append(System.lineSeparator());
        SimReport.Problems p = r.problems();
        b.append(String.format(Locale.ROOT, "retransmissions %d, timeouts %d, rejected %d, timestamp resyncs %d,"
                + " revocations %d, bulk fallbacks %d, malformed %d, send refused %d%n", p.retransmissions(), p.timeouts(),
                p.rejected(), p.timestampResynchronizations(), p.revocations(), p.bulkFallbacks(), p.malformed(),
                p.sendRefused()));
        if (r.echo() != null) {
            b.append(String.format(Locale.ROOT, "PBA rate / echo ceiling (%.0f/s, measured first): %.4f%n",
                    r.echo().ceilingPerSecond(), r.ratioToEchoCeiling()));
        }
        return b.toString();
    }

    static String line(SimReport.Percentiles p) {
        return p.count() == 0 ? "none" : String.format(Locale.ROOT,
                "n %d, p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f", p.count(), p.p50(), p.p90(), p.p99(),
                p.p999(), p.max());
    }
}
