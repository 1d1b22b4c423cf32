package io.pmip.lma.history;

import io.pmip.lma.BindingEvent;
import io.pmip.lma.BindingState;
import io.pmip.lma.MobilitySession;
import io.pmip.protocol.Ipv6Prefix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Replays journal records and checks the {@link Invariant}s. Feed it every record of the journal
 * with {@link #accept}, each entity's records in sequence-number order (entities may interleave),
 * then read {@link #report()}. State per entity is rebuilt with {@link BindingState#apply}, the
 * entity's own event handler. Times are the events' own {@link BindingEvent#at()}: the instants
 * the LMA decided them. Not thread-safe.
 */
public final class InvariantChecker {
    private final Map<String, EntityReplay> entities = new HashMap<>();
    private final Map<Ipv6Prefix, List<Holding>> holdings = new HashMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private long records;

    /** One entity's replayed state and, per session key, the records that explain it. */
    private static final class EntityReplay {
        BindingState state = BindingState.EMPTY;
        final Map<String, JournalRecord> lastRecord = new HashMap<>();
        final Map<String, JournalRecord> endedBy = new HashMap<>();
        final Map<String, List<Holding>> open = new HashMap<>();
    }

    /** A prefix held by one session from its registration until the session ended (or still). */
    private static final class Holding {
        final JournalRecord registered;
        JournalRecord ended;

        Holding(JournalRecord registered) {
            this.registered = registered;
        }

        Instant from() {
            return registered.event().at();
        }

        Instant until() {
            return ended == null ? Instant.MAX : ended.event().at();
        }
    }

    public void accept(JournalRecord record) {
        records++;
        EntityReplay entity = entities.computeIfAbsent(record.persistenceId(), id -> new EntityReplay());
        BindingEvent event = record.event();
        String key = event.sessionKey();
        if (event instanceof BindingEvent.Refreshed && entity.state.session(key).isEmpty()) {
            refreshOfAGoneSession(entity, record);
        }
        if (event instanceof BindingEvent.Registered registered) {
            List<Holding> held = new ArrayList<>();
            for (Ipv6Prefix prefix : registered.homeNetworkPrefixes()) {
                Holding h = new Holding(record);
                held.add(h);
                holdings.computeIfAbsent(prefix, p -> new ArrayList<>()).add(h);
            }
            entity.open.put(key, held);
        }
        if (event.endsSession()) {
            Optional.ofNullable(entity.open.remove(key)).ifPresent(held -> held.forEach(h -> h.ended = record));
            entity.endedBy.put(key, record);
        }
        entity.state = entity.state.apply(event);
        if (event instanceof BindingEvent.Registered || event instanceof BindingEvent.HandedOff) {
            checkOneSessionPerInterface(entity, record);
        }
        entity.lastRecord.put(key, record);
    }

    private void refreshOfAGoneSession(EntityReplay entity, JournalRecord refresh) {
        String key = refresh.event().sessionKey();
        JournalRecord end = entity.endedBy.get(key);
        List<JournalRecord> cause = end == null ? List.of(refresh) : List.of(end, refresh);
        violations.add(new Violation(Invariant.REFRESH_AFTER_DEREGISTRATION,
                refresh.mnId() + " session " + key + " refreshed by " + refresh.event().servingMag()
                        + (end == null ? " but never registered" : " after it ended (" + end.event().getClass()
                        .getSimpleName() + " at " + end.event().at() + ")"),
                cause));
    }

    private void checkOneSessionPerInterface(EntityReplay entity, JournalRecord record) {
        MobilitySession moved = entity.state.session(record.event().sessionKey()).orElse(null);
        if (moved == null || moved.linkLayerId().isEmpty()) {
            return; // without a link-layer identifier the interface is not named (RFC 5213 5.4.1.2)
        }
        for (MobilitySession other : entity.state.all()) {
            if (!other.sessionKey().equals(moved.sessionKey()) && other.linkLayerId().equals(moved.linkLayerId())
                    && other.accessTechnology() == moved.accessTechnology()) {
                JournalRecord otherRecord = entity.lastRecord.get(other.sessionKey());
                List<JournalRecord> cause = otherRecord == null ? List.of(record) : List.of(otherRecord, record);
                violations.add(new Violation(Invariant.TWO_SESSIONS_ON_ONE_INTERFACE,
                        record.mnId() + " sessions " + other.sessionKey() + " and " + moved.sessionKey()
                                + " both on interface " + moved.linkLayerId().get() + " ("
                                + moved.accessTechnology() + ")",
                        cause));
            }
        }
    }

    /** The violations found so far, the prefix overlaps among them computed now over all records seen. */
    public InvariantReport report() {
        List<Violation> all = new ArrayList<>(violations);
        holdings.forEach((prefix, held) -> all.addAll(overlaps(prefix, held)));
        all.sort(Comparator.comparing((Violation v) -> v.events().get(0).event().at())
                .thenComparing(v -> v.events().get(0).coordinates()));
        return new InvariantReport(entities.size(), records, all);
    }

    private static List<Violation> overlaps(Ipv6Prefix prefix, List<Holding> held) {
        List<Holding> byStart = new ArrayList<>(held);
        byStart.sort(Comparator.comparing(Holding::from));
        List<Violation> found = new ArrayList<>();
        for (int i = 0; i < byStart.size(); i++) {
            Holding a = byStart.get(i);
            for (int j = i + 1; j < byStart.size() && byStart.get(j).from().isBefore(a.until()); j++) {
                Holding b = byStart.get(j);
                if (!Objects.equals(a.registered.persistenceId(), b.registered.persistenceId())) {
                    found.add(prefixOverlap(prefix, a, b));
                }
            }
        }
        return found;
    }

    private static Violation prefixOverlap(Ipv6Prefix prefix, Holding a, Holding b) {
        List<JournalRecord> cause = new ArrayList<>(List.of(a.registered, b.registered));
        if (a.ended != null) {
            cause.add(a.ended);
        }
        return new Violation(Invariant.PREFIX_HELD_BY_TWO_MOBILE_NODES,
                "prefix " + prefix + " held by " + a.registered.persistenceId() + " (since " + a.from()
                        + (a.ended == null ? "" : ", until " + a.until()) + ") and by "
                        + b.registered.persistenceId() + " (since " + b.from() + ")",
                cause);
    }
}
