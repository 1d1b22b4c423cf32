package io.pmip.lma.index;

import io.pmip.lma.BindingEvent;
import io.pmip.lma.MobilitySession;
import io.pmip.lma.bulk.GroupKey;
import io.pmip.persistence.CborSerializable;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mobility sessions of the binding entities running on this node, kept by the entities
 * themselves: each entity puts its sessions here after every event it applies and after its
 * recovery, and takes them out when it stops (passivation, shard hand-off, restart). So the index
 * of a node always shows what that node serves, with no read of the journal, and a binding that
 * moves (failover, rebalance) shows up where it recovers. Listings of the whole cluster ask every
 * node's index ({@link BindingDirectory}).
 *
 * <p>Entities write concurrently and listings read without a lock: an entry is a binding's own
 * immutable session map, replaced whole, so a listing sees each binding either before or after an
 * event, never half of one. What a MAG was last seen at stays known after its last session ends,
 * until this node restarts.
 */
public final class BindingIndex {

    /** One mobility session as listings show it. */
    public record SessionRow(String sessionKey, String servingMag, List<Ipv6Prefix> homeNetworkPrefixes,
            AccessTechnologyType accessTechnology, Instant registeredAt, Instant updatedAt,
            Optional<Instant> deleteAt) implements CborSerializable {
        public SessionRow {
            homeNetworkPrefixes = List.copyOf(homeNetworkPrefixes);
        }

        static SessionRow of(MobilitySession s) {
            return new SessionRow(s.sessionKey(), s.servingMag(), s.homeNetworkPrefixes(), s.accessTechnology(),
                    s.registeredAt(), s.updatedAt(), s.deleteAt());
        }
    }

    /** A mobile node with at least one session. */
    public record BindingRow(String mnId, List<SessionRow> sessions) implements CborSerializable {
        public BindingRow {
            sessions = List.copyOf(sessions);
        }
    }

    /**
     * One page of a listing; {@code total} counts every match, not only this page; {@code unanswered}
     * names the cluster nodes whose bindings are missing from it (they did not answer in time).
     */
    public record Page(List<BindingRow> bindings, long total, int offset, Optional<String> nextAfter,
            List<String> unanswered) {
        public Page {
            bindings = List.copyOf(bindings);
            unanswered = List.copyOf(unanswered);
        }
    }

    /**
     * One MAG: the mobile nodes it serves, and {@code lmaAddress}, the LMA address of its latest
     * registration or handoff (a node's unicast address once RFC 6463 redirected it, else the anycast one).
     */
    public record MagRow(String mag, List<String> mobileNodes, int sessions, Instant lastSeen,
            Optional<String> lmaAddress) implements CborSerializable {
        public MagRow {
            mobileNodes = List.copyOf(mobileNodes);
        }
    }

    /** Empty fields match everything; a prefix filter matches sessions with a prefix inside it. */
    public record Filter(Optional<String> mag, Optional<Ipv6Prefix> prefix, Optional<AccessTechnologyType> access)
            implements CborSerializable {
        public static final Filter ALL = new Filter(Optional.empty(), Optional.empty(), Optional.empty());

        boolean matches(MobilitySession s) {
            return mag.map(s.servingMag()::equals).orElse(true)
                    && access.map(a -> a == s.accessTechnology()).orElse(true)
                    && prefix.map(f -> s.homeNetworkPrefixes().stream().anyMatch(f::contains)).orElse(true);
        }

        boolean matchesAny(Map<String, MobilitySession> sessions) {
            for (MobilitySession s : sessions.values()) {
                if (matches(s)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * What one node holds of a listing: the first {@code window} matches after the cursor (or from the
     * start), the number of all its matches, and how many of them sort at or before the cursor.
     */
    public record Slice(List<BindingRow> rows, long total, long before) implements CborSerializable {
        public Slice {
            rows = List.copyOf(rows);
        }
    }

    /** A MAG as this node last saw it in an event: when, and with which LMA address. */
    private record MagSeen(Instant at, String lmaAddress) {
    }

    /** mnId to its entity's live sessions (the state's own immutable map); sorted, so pages are stable. */
    private final ConcurrentSkipListMap<String, Map<String, MobilitySession>> byMobileNode =
            new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, MagSeen> magSeen = new ConcurrentHashMap<>();
    private final AtomicLong updates = new AtomicLong();

    /**
     * An entity applied {@code event} (while running or replaying) and now holds {@code sessions}.
     * The MAG it names counts as seen at the event's time, with the LMA address of a registration or handoff.
     */
    public void applied(BindingEvent event, Map<String, MobilitySession> sessions) {
        String lmaAddress = event instanceof BindingEvent.Registered r ? r.lmaAddress()
                : event instanceof BindingEvent.HandedOff h ? h.lmaAddress() : null;
        magSeen.merge(event.servingMag(), new MagSeen(event.at(), lmaAddress), BindingIndex::later);
        hold(event.mnId(), sessions);
    }

    /** The entity of {@code mnId} recovered, or otherwise holds {@code sessions} now. */
    public void hold(String mnId, Map<String, MobilitySession> sessions) {
        updates.incrementAndGet();
        if (sessions.isEmpty()) {
            byMobileNode.remove(mnId);
        } else {
            byMobileNode.put(mnId, sessions);
        }
    }

    /** The entity of {@code mnId} stopped here: its sessions are served elsewhere, or by none. */
    public void released(String mnId) {
        updates.incrementAndGet();
        byMobileNode.remove(mnId);
    }

    /** The later sighting; an event without an LMA address keeps the address known before. */
    private static MagSeen later(MagSeen known, MagSeen now) {
        MagSeen latest = now.at().isBefore(known.at()) ? known : now;
        String address = now.lmaAddress() != null && !now.at().isBefore(known.at()) ? now.lmaAddress()
                : known.lmaAddress() != null ? known.lmaAddress() : now.lmaAddress();
        return new MagSeen(latest.at(), address);
    }

    /** Entity updates this index took (events applied, recoveries, stops). */
    public long updates() {
        return updates.get();
    }

    /**
     * This node's part of a listing sorted by MN-Identifier: the first {@code window} matches after
     * {@code after} (all matches when no cursor is given; the caller skips its offset).
     */
    public Slice slice(Filter filter, Optional<String> after, int window) {
        List<BindingRow> rows = new ArrayList<>();
        long total = 0;
        long before = 0;
        for (Map.Entry<String, Map<String, MobilitySession>> e : byMobileNode.entrySet()) {
            if (!filter.matchesAny(e.getValue())) {
                continue;
            }
            total++;
            if (after.isPresent() && e.getKey().compareTo(after.get()) <= 0) {
                before++;
            } else if (rows.size() < window) {
                rows.add(row(e.getKey(), e.getValue()));
            }
        }
        return new Slice(rows, total, before);
    }

    private static BindingRow row(String mnId, Map<String, MobilitySession> sessions) {
        return new BindingRow(mnId, sessions.values().stream().map(SessionRow::of).toList());
    }

    /** One page of this node's bindings alone. */
    public Page list(Filter filter, int offset, Optional<String> after, int limit) {
        return page(List.of(slice(filter, after, after.isPresent() ? limit : offset + limit)), offset, after, limit,
                List.of());
    }

    /**
     * Merges the slices of every node into one page: sorted by MN-Identifier, a mobile node listed by two
     * nodes (its entity moving between them) shown once.
     */
    public static Page page(List<Slice> slices, int offset, Optional<String> after, int limit,
            List<String> unanswered) {
        TreeMap<String, BindingRow> merged = new TreeMap<>();
        long total = 0;
        long before = 0;
        for (Slice s : slices) {
            s.rows().forEach(r -> merged.putIfAbsent(r.mnId(), r));
            total += s.total();
            before += s.before();
        }
        List<BindingRow> rows = merged.values().stream().skip(after.isPresent() ? 0 : offset).limit(limit).toList();
        int start = after.isPresent() ? (int) Math.min(before, Integer.MAX_VALUE) : offset;
        Optional<String> next = start + rows.size() < total && !rows.isEmpty()
                ? Optional.of(rows.get(rows.size() - 1).mnId()) : Optional.empty();
        return new Page(rows, total, start, next, unanswered);
    }

    /** Every MAG this node saw in an event or serves now, with the mobile nodes it serves here. */
    public List<MagRow> mags() {
        Map<String, List<String>> nodes = new HashMap<>();
        Map<String, Integer> sessions = new HashMap<>();
        // A session recovered from a snapshot was never applied here as an event: it is a sighting too.
        TreeMap<String, MagSeen> all = new TreeMap<>(magSeen);
        byMobileNode.forEach((mnId, byKey) -> byKey.values().forEach(s -> {
            List<String> list = nodes.computeIfAbsent(s.servingMag(), k -> new ArrayList<>());
            if (list.isEmpty() || !list.get(list.size() - 1).equals(mnId)) {
                list.add(mnId);
            }
            sessions.merge(s.servingMag(), 1, Integer::sum);
            all.merge(s.servingMag(), new MagSeen(s.updatedAt(), s.lmaAddress()), BindingIndex::later);
        }));
        List<MagRow> rows = new ArrayList<>();
        all.forEach((mag, seen) -> rows.add(new MagRow(mag, nodes.getOrDefault(mag, List.of()),
                sessions.getOrDefault(mag, 0), seen.at(), Optional.ofNullable(seen.lmaAddress()))));
        return rows;
    }

    /**
     * The MAG rows of every node as one: mobile nodes joined, sessions summed, the latest sighting and
     * its LMA address.
     */
    public static List<MagRow> mergeMags(List<List<MagRow>> perNode) {
        TreeMap<String, MagRow> merged = new TreeMap<>();
        perNode.forEach(rows -> rows.forEach(r -> merged.merge(r.mag(), r, BindingIndex::join)));
        return List.copyOf(merged.values());
    }

    private static MagRow join(MagRow a, MagRow b) {
        java.util.TreeSet<String> nodes = new java.util.TreeSet<>(a.mobileNodes());
        nodes.addAll(b.mobileNodes());
        MagRow latest = b.lastSeen().isAfter(a.lastSeen()) ? b : a;
        return new MagRow(a.mag(), List.copyOf(nodes), a.sessions() + b.sessions(), latest.lastSeen(),
                latest.lmaAddress().or(() -> (latest == a ? b : a).lmaAddress()));
    }

    /** The mobile nodes served here with a session at {@code mag}, sorted. */
    public List<String> mobileNodesAt(String mag) {
        List<String> found = new ArrayList<>();
        byMobileNode.forEach((mnId, byKey) -> {
            if (byKey.values().stream().anyMatch(s -> s.servingMag().equals(mag))) {
                found.add(mnId);
            }
        });
        return found;
    }

    /** The bulk groups of {@code mag} served here with their member sessions, by Mobile Node Group Identifier. */
    public SortedMap<Long, Integer> bulkGroups(String mag) {
        SortedMap<Long, Integer> groups = new TreeMap<>();
        forEachGrouped((mnId, s) -> {
            if (s.servingMag().equals(mag)) {
                groups.merge(s.bulkGroupId().getAsLong(), 1, Integer::sum);
            }
        });
        return groups;
    }

    /** The mobile nodes served here with a session in the bulk group {@code group}, sorted. */
    public List<String> groupMembers(GroupKey group) {
        List<String> members = new ArrayList<>();
        forEachGrouped((mnId, s) -> {
            if (s.servingMag().equals(group.servingMag()) && s.bulkGroupId().getAsLong() == group.groupIdentifier()
                    && (members.isEmpty() || !members.get(members.size() - 1).equals(mnId))) {
                members.add(mnId);
            }
        });
        return members;
    }

    /** Sessions in an RFC 6602 bulk group; a de-registered session has left its group. */
    private void forEachGrouped(java.util.function.BiConsumer<String, MobilitySession> action) {
        byMobileNode.forEach((mnId, byKey) -> byKey.values().forEach(s -> {
            if (s.bulkGroupId().isPresent() && !s.isDeregistered()) {
                action.accept(mnId, s);
            }
        }));
    }

    /** Mobile nodes with at least one session served here. */
    public long bindingCount() {
        return byMobileNode.size();
    }

    /** Mobility sessions served here. */
    public long sessionCount() {
        long n = 0;
        for (Map<String, MobilitySession> sessions : byMobileNode.values()) {
            n += sessions.size();
        }
        return n;
    }
}
