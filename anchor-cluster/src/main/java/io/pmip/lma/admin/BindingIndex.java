package io.pmip.lma.admin;

import io.pmip.lma.BindingEvent;
import io.pmip.lma.bulk.GroupKey;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The read side of the binding journal on one node: every live mobility session, by mobile node,
 * folded from {@link BindingEvent}s in journal order. It answers listings (by MAG, by prefix, by
 * access technology) without asking any entity. Eventually consistent: it lags the journal by the
 * read journal's polling delay.
 */
public final class BindingIndex {

    /** One mobility session as the read side knows it. */
    public record SessionRow(String sessionKey, String servingMag, List<Ipv6Prefix> homeNetworkPrefixes,
            AccessTechnologyType accessTechnology, Instant registeredAt, Instant updatedAt,
            Optional<Instant> deleteAt) {
        public SessionRow {
            homeNetworkPrefixes = List.copyOf(homeNetworkPrefixes);
        }

        boolean deregistered() {
            return deleteAt.isPresent();
        }
    }

    /** A mobile node with at least one session. */
    public record BindingRow(String mnId, List<SessionRow> sessions) {
        public BindingRow {
            sessions = List.copyOf(sessions);
        }
    }

    /** One page of a listing; {@code total} counts every match, not only this page. */
    public record Page(List<BindingRow> bindings, long total, int offset, Optional<String> nextAfter) {
    }

    /** What the read side knows of one MAG. */
    /**
     * One MAG: the mobile nodes it serves, and {@code lmaAddress}, the LMA address of its latest
     * registration or handoff (a node's unicast address once RFC 6463 redirected it, else the anycast one).
     */
    public record MagRow(String mag, List<String> mobileNodes, int sessions, Instant lastSeen,
            Optional<String> lmaAddress) {
        public MagRow {
            mobileNodes = List.copyOf(mobileNodes);
        }
    }

    /** Empty fields match everything; a prefix filter matches sessions with a prefix inside it. */
    public record Filter(Optional<String> mag, Optional<Ipv6Prefix> prefix, Optional<AccessTechnologyType> access) {
        public static final Filter ALL = new Filter(Optional.empty(), Optional.empty(), Optional.empty());

        boolean matches(SessionRow s) {
            return mag.map(s.servingMag()::equals).orElse(true)
                    && access.map(a -> a == s.accessTechnology()).orElse(true)
                    && prefix.map(f -> s.homeNetworkPrefixes().stream().anyMatch(f::contains)).orElse(true);
        }
    }

    /** mnId to its sessions by key; sorted, so pages and cursors are stable. */
    private final TreeMap<String, Map<String, SessionRow>> byMobileNode = new TreeMap<>();
    /** Time of the latest event naming each MAG, including MAGs no session is on any more. */
    private final Map<String, Instant> magLastSeen = new HashMap<>();
    /** The LMA address each MAG used in its latest registration or handoff. */
    private final Map<String, String> magLmaAddress = new HashMap<>();
    /** Highest sequence number folded in per persistence id: a re-read event is skipped. */
    private final Map<String, Long> appliedUpTo = new HashMap<>();
    /** The RFC 6602 bulk group of each live session, for the MAG view and group revocation. */
    private final Map<SessionId, GroupKey> groupOfSession = new HashMap<>();
    private long eventsApplied;

    /**
     * Folds in one event of {@code persistenceId} unless an event with this or a later sequence number
     * of it was folded in already (a restarted or polling stream reads events again).
     *
     * @return whether the event was new
     */
    public synchronized boolean apply(String persistenceId, long sequenceNr, BindingEvent event) {
        Long seen = appliedUpTo.get(persistenceId);
        if (seen != null && seen >= sequenceNr) {
            return false;
        }
        appliedUpTo.put(persistenceId, sequenceNr);
        apply(event);
        return true;
    }

    /** Folds one event in, in journal order. */
    synchronized void apply(BindingEvent event) {
        eventsApplied++;
        magLastSeen.merge(event.servingMag(), event.at(), (a, b) -> a.isAfter(b) ? a : b);
        if (event instanceof BindingEvent.Registered r) {
            magLmaAddress.put(r.servingMag(), r.lmaAddress());
        } else if (event instanceof BindingEvent.HandedOff h) {
            magLmaAddress.put(h.servingMag(), h.lmaAddress());
        }
        String mnId = event.mnId();
        String key = event.sessionKey();
        Map<String, SessionRow> sessions = byMobileNode.get(mnId);
        SessionRow old = sessions == null ? null : sessions.get(key);
        SessionRow next = next(event, old);
        if (!(event instanceof BindingEvent.PrefixesReleased)) {
            SessionId id = new SessionId(mnId, key);
            groupAfter(event, next).ifPresentOrElse(g -> groupOfSession.put(id, g), () -> groupOfSession.remove(id));
        }
        if (next == null) {
            if (sessions != null) {
                sessions.remove(key);
                if (sessions.isEmpty()) {
                    byMobileNode.remove(mnId);
                }
            }
        } else {
            byMobileNode.computeIfAbsent(mnId, k -> new TreeMap<>()).put(key, next);
        }
    }

    /** The session after {@code event}; null when the event ends it (or names a session never seen). */
    private static SessionRow next(BindingEvent event, SessionRow old) {
        String key = event.sessionKey();
        if (event instanceof BindingEvent.Registered r) {
            return new SessionRow(key, r.servingMag(), r.homeNetworkPrefixes(), r.accessTechnology(), r.at(), r.at(),
                    Optional.empty());
        }
        if (event instanceof BindingEvent.HandedOff h) {
            return new SessionRow(key, h.servingMag(), h.homeNetworkPrefixes(), h.accessTechnology(),
                    old == null ? h.at() : old.registeredAt(), h.at(), Optional.empty());
        }
        if (old == null) {
            return null;
        }
        if (event instanceof BindingEvent.Refreshed r) {
            return new SessionRow(key, r.servingMag(), r.homeNetworkPrefixes(), old.accessTechnology(),
                    old.registeredAt(), r.at(), Optional.empty());
        }
        if (event instanceof BindingEvent.Deregistered d) {
            // RFC 5213 section 5.3.5: still in the cache until MinDelayBeforeBCEDelete ends.
            return new SessionRow(key, old.servingMag(), old.homeNetworkPrefixes(), old.accessTechnology(),
                    old.registeredAt(), d.at(), Optional.of(d.deleteAt()));
        }
        // Ended (Expired, Revoked, SessionDeleted) is gone; PrefixesReleased is the pool's bookkeeping.
        return event.endsSession() ? null : old;
    }

    /** The bulk group a session is in after {@code event}: none once de-registered or ended. */
    private static Optional<GroupKey> groupAfter(BindingEvent event, SessionRow next) {
        if (next == null || next.deregistered()) {
            return Optional.empty();
        }
        OptionalLong id = event instanceof BindingEvent.Registered r ? r.bulkGroupId()
                : event instanceof BindingEvent.HandedOff h ? h.bulkGroupId()
                : event instanceof BindingEvent.Refreshed f ? f.bulkGroupId()
                : OptionalLong.empty();
        return id.isPresent() ? Optional.of(new GroupKey(next.servingMag(), id.getAsLong())) : Optional.empty();
    }

    /** The bulk groups of {@code mag} with their member sessions, by Mobile Node Group Identifier. */
    public synchronized SortedMap<Long, Integer> bulkGroups(String mag) {
        SortedMap<Long, Integer> groups = new TreeMap<>();
        groupOfSession.values().stream().filter(g -> g.servingMag().equals(mag))
                .forEach(g -> groups.merge(g.groupIdentifier(), 1, Integer::sum));
        return groups;
    }

    /** The mobile nodes with a session in the bulk group {@code group} of {@code mag}, sorted. */
    public synchronized List<String> groupMembers(GroupKey group) {
        return groupOfSession.entrySet().stream().filter(e -> e.getValue().equals(group))
                .map(e -> e.getKey().mnId()).distinct().sorted().toList();
    }

    private record SessionId(String mnId, String sessionKey) {
    }

    public synchronized long eventsApplied() {
        return eventsApplied;
    }

    /**
     * The mobile nodes with a session matching {@code filter}, sorted by MN-Identifier, from
     * {@code offset} or (when {@code after} is given, a cursor) from the first one after it.
     */
    public synchronized Page list(Filter filter, int offset, Optional<String> after, int limit) {
        List<BindingRow> matching = new ArrayList<>();
        long total = 0;
        int skipped = 0;
        Map<String, Map<String, SessionRow>> from = after.isPresent() ? byMobileNode.tailMap(after.get(), false)
                : byMobileNode;
        long before = after.map(a -> countMatching(byMobileNode.headMap(a, true), filter)).orElse(0L);
        for (Map.Entry<String, Map<String, SessionRow>> e : from.entrySet()) {
            if (e.getValue().values().stream().noneMatch(filter::matches)) {
                continue;
            }
            total++;
            if (after.isEmpty() && skipped < offset) {
                skipped++;
            } else if (matching.size() < limit) {
                matching.add(new BindingRow(e.getKey(), List.copyOf(e.getValue().values())));
            }
        }
        long totalAll = total + before;
        int start = after.isPresent() ? (int) Math.min(before, Integer.MAX_VALUE) : offset;
        Optional<String> next = start + matching.size() < totalAll && !matching.isEmpty()
                ? Optional.of(matching.get(matching.size() - 1).mnId()) : Optional.empty();
        return new Page(matching, totalAll, start, next);
    }

    private static long countMatching(Map<String, Map<String, SessionRow>> part, Filter filter) {
        return part.values().stream().filter(s -> s.values().stream().anyMatch(filter::matches)).count();
    }

    /** Every MAG an event named, with the mobile nodes it serves now (possibly none). */
    public synchronized List<MagRow> mags() {
        Map<String, List<String>> nodes = new LinkedHashMap<>();
        Map<String, Integer> sessions = new HashMap<>();
        byMobileNode.forEach((mnId, byKey) -> byKey.values().forEach(s -> {
            List<String> list = nodes.computeIfAbsent(s.servingMag(), k -> new ArrayList<>());
            if (!list.contains(mnId)) {
                list.add(mnId);
            }
            sessions.merge(s.servingMag(), 1, Integer::sum);
        }));
        return magLastSeen.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new MagRow(e.getKey(), nodes.getOrDefault(e.getKey(), List.of()),
                        sessions.getOrDefault(e.getKey(), 0), e.getValue(),
                        Optional.ofNullable(magLmaAddress.get(e.getKey()))))
                .collect(Collectors.toList());
    }

    public synchronized Optional<MagRow> mag(String mag) {
        return mags().stream().filter(m -> m.mag().equals(mag)).findFirst();
    }

    /** Mobile nodes with at least one session, and sessions, over the whole cluster. */
    public synchronized long bindingCount() {
        return byMobileNode.size();
    }

    public synchronized long sessionCount() {
        return byMobileNode.values().stream().mapToLong(Map::size).sum();
    }

    /**
     * Sessions per shard of the binding entities, with {@code shardOf} mapping an MN-Identifier to its
     * shard id as sharding does; so the sessions of a node are those of the shards it hosts.
     */
    public synchronized Map<String, Long> sessionsByShard(java.util.function.Function<String, String> shardOf) {
        Map<String, Long> byShard = new HashMap<>();
        byMobileNode.forEach((mnId, sessions) -> byShard.merge(shardOf.apply(mnId), (long) sessions.size(), Long::sum));
        return byShard;
    }

    /** Sessions per MAG, for the metrics. */
    public synchronized Map<String, Long> sessionsByMag() {
        return byMobileNode.values().stream().flatMap(m -> m.values().stream())
                .collect(Collectors.groupingBy(SessionRow::servingMag, TreeMap::new, Collectors.counting()));
    }
}
