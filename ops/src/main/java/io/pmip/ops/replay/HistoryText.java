package io.pmip.ops.replay;

import io.pmip.lma.BindingState;
import io.pmip.lma.MobilitySession;
import io.pmip.lma.history.InvariantReport;
import io.pmip.lma.history.JournalRecord;
import io.pmip.lma.history.TimelineEntry;
import io.pmip.lma.history.Violation;
import io.pmip.protocol.Ipv6Prefix;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** The history as tables for a terminal: one line per event or session, "-" where a field does not apply. */
public final class HistoryText {
    private static final String NONE = "-";

    private HistoryText() {
    }

    public static String timeline(String mnId, List<TimelineEntry> timeline) {
        if (timeline.isEmpty()) {
            return "no events for " + mnId + "\n";
        }
        TextTable table = new TextTable("SEQ", "TIME", "EVENT", "SESSION", "MAG", "FROM MAG", "PREFIXES", "HI",
                "LIFETIME", "STATUS");
        for (TimelineEntry e : timeline) {
            table.row(Long.toString(e.sequenceNr()), e.at().toString(), e.type(), e.sessionKey(), e.servingMag(),
                    e.previousMag().orElse(NONE), prefixes(e.prefixes()), hi(e), lifetime(e.lifetimeSeconds()),
                    status(e));
        }
        return mnId + ": " + timeline.size() + " events\n" + table.render();
    }

    public static String magEvents(String mag, Instant from, Instant to, List<TimelineEntry> events) {
        String title = "MAG " + mag + " from " + from + " to " + to + ": " + events.size() + " events\n";
        if (events.isEmpty()) {
            return title;
        }
        TextTable table = new TextTable("TIME", "MN", "SEQ", "EVENT", "SESSION", "MAG", "FROM MAG", "PREFIXES", "HI",
                "LIFETIME", "STATUS");
        for (TimelineEntry e : events) {
            table.row(e.at().toString(), e.mnId(), Long.toString(e.sequenceNr()), e.type(), e.sessionKey(),
                    e.servingMag(), e.previousMag().orElse(NONE), prefixes(e.prefixes()), hi(e),
                    lifetime(e.lifetimeSeconds()), status(e));
        }
        return title + table.render();
    }

    public static String state(String mnId, Instant at, BindingState state) {
        if (state.sessions().isEmpty()) {
            return mnId + " at " + at + ": no binding\n";
        }
        TextTable table = new TextTable("SESSION", "MAG", "PREFIXES", "ACCESS", "LL-ID", "HI", "LIFETIME",
                "REGISTERED", "UPDATED", "EXPIRES", "STATE");
        for (MobilitySession s : state.all()) {
            table.row(s.sessionKey(), s.servingMag(), prefixes(s.homeNetworkPrefixes()), s.accessTechnology().name(),
                    s.linkLayerId().orElse(NONE), Integer.toString(s.handoffIndicator().code()),
                    s.lifetimeSeconds() + "s", s.registeredAt().toString(), s.updatedAt().toString(),
                    s.expiresAt().toString(),
                    s.deleteAt().map(d -> "de-registered, deleted at " + d).orElse("registered"));
        }
        return mnId + " at " + at + ": " + state.sessions().size() + (state.sessions().size() == 1 ? " session\n" : " sessions\n")
                + table.render();
    }

    public static String report(InvariantReport report) {
        StringBuilder out = new StringBuilder("replayed " + report.persistenceIds() + " persistence ids, "
                + report.events() + " events: ");
        out.append(report.ok() ? "no violations\n" : report.violations().size()
                + (report.violations().size() == 1 ? " violation\n" : " violations\n"));
        for (Violation v : report.violations()) {
            out.append('\n').append(v.invariant()).append(": ").append(v.summary()).append('\n');
            TextTable table = new TextTable("  PERSISTENCE ID", "SEQ", "TIME", "EVENT", "SESSION", "MAG", "PREFIXES");
            for (JournalRecord r : v.events()) {
                table.row("  " + r.persistenceId(), Long.toString(r.sequenceNr()), r.event().at().toString(),
                        r.event().getClass().getSimpleName(), r.event().sessionKey(), r.event().servingMag(),
                        prefixes(r.event().homeNetworkPrefixes()));
            }
            out.append(table.render());
        }
        return out.toString();
    }

    private static String prefixes(List<Ipv6Prefix> prefixes) {
        return prefixes.isEmpty() ? NONE : prefixes.stream().map(Ipv6Prefix::toString).collect(Collectors.joining(","));
    }

    private static String hi(TimelineEntry e) {
        return e.handoffIndicator().map(h -> Integer.toString(h.code())).orElse(NONE);
    }

    private static String lifetime(OptionalInt seconds) {
        return seconds.isPresent() ? seconds.getAsInt() + "s" : NONE;
    }

    private static String status(TimelineEntry e) {
        Optional<Instant> deleteAt = e.deleteAt();
        String status = e.status().name().toLowerCase(java.util.Locale.ROOT);
        return deleteAt.map(d -> status + " until " + d).or(() -> e.reason().map(r -> status + " (" + r + ")"))
                .orElse(status);
    }
}
