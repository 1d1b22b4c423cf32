package io.pmip.lma;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.pmip.persistence.CborSerializable;
import io.pmip.protocol.Ipv6Prefix;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The binding cache of one mobile node: its mobility sessions by session key.
 *
 * @param sessions        live sessions (including de-registered ones not yet deleted)
 * @param sessionsCreated how many sessions were ever created; names the next one, so a retried
 *                        registration after a crash asks the prefix pool with the same holder name
 * @param pendingReleases ended sessions whose pool prefixes are not yet confirmed released; re-sent
 *                        after recovery so a crash at the wrong moment does not leak a prefix
 */
public record BindingState(Map<String, MobilitySession> sessions, int sessionsCreated,
                           Map<String, PendingRelease> pendingReleases) implements CborSerializable {

    public static final BindingState EMPTY = new BindingState(Map.of(), 0, Map.of());

    /** Pool prefixes of the ended session {@code sessionKey}, to be given back to {@code pool}. */
    public record PendingRelease(String sessionKey, String pool, String servingMag, List<Ipv6Prefix> prefixes)
            implements CborSerializable {
        public PendingRelease {
            prefixes = List.copyOf(prefixes);
        }
    }

    public BindingState {
        sessions = sorted(sessions);
        pendingReleases = sorted(pendingReleases);
    }

    /**
     * Ordered by session key. Nearly every mobile node has one session and no pending release, and one
     * state is held in memory per registered node: those get the compact Map.of forms, not a TreeMap.
     */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map.size() <= 1 ? Map.copyOf(map) : Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /** Nothing left to serve or to clean up: the entity may stop. */
    @JsonIgnore // derived, not journaled
    public boolean isIdle() {
        return sessions.isEmpty() && pendingReleases.isEmpty();
    }

    public Optional<MobilitySession> session(String key) {
        return Optional.ofNullable(sessions.get(key));
    }

    public List<MobilitySession> all() {
        return List.copyOf(sessions.values());
    }

    public String nextSessionKey() {
        return "if-" + sessionsCreated;
    }

    public BindingState apply(BindingEvent event) {
        TreeMap<String, MobilitySession> next = new TreeMap<>(sessions);
        TreeMap<String, PendingRelease> releases = new TreeMap<>(pendingReleases);
        int created = sessionsCreated;
        if (event instanceof BindingEvent.Registered e) {
            next.put(e.sessionKey(), new MobilitySession(e.sessionKey(), e.homeNetworkPrefixes(), e.prefixPool(),
                    e.servingMag(), e.lmaAddress(), e.accessTechnology(), e.linkLayerId(), e.handoffIndicator(),
                    e.timestamp(), e.sequence(), e.lifetimeSeconds(), e.at(), e.at(),
                    e.at().plusSeconds(e.lifetimeSeconds()), Optional.empty(), e.bulkGroupId()));
            created++;
        } else if (event instanceof BindingEvent.Refreshed e) {
            next.computeIfPresent(e.sessionKey(), (k, s) -> new MobilitySession(k, s.homeNetworkPrefixes(),
                    s.prefixPool(), s.servingMag(), s.lmaAddress(), s.accessTechnology(), s.linkLayerId(),
                    e.handoffIndicator(), e.timestamp(), e.sequence(), e.lifetimeSeconds(), s.registeredAt(), e.at(),
                    e.at().plusSeconds(e.lifetimeSeconds()), Optional.empty(), e.bulkGroupId()));
        } else if (event instanceof BindingEvent.HandedOff e) {
            next.computeIfPresent(e.sessionKey(), (k, s) -> new MobilitySession(k, s.homeNetworkPrefixes(),
                    s.prefixPool(), e.servingMag(), e.lmaAddress(), e.accessTechnology(), e.linkLayerId(),
                    e.handoffIndicator(), e.timestamp(), e.sequence(), e.lifetimeSeconds(), s.registeredAt(), e.at(),
                    e.at().plusSeconds(e.lifetimeSeconds()), Optional.empty(), e.bulkGroupId()));
        } else if (event instanceof BindingEvent.Deregistered e) {
            next.computeIfPresent(e.sessionKey(), (k, s) -> new MobilitySession(k, s.homeNetworkPrefixes(),
                    s.prefixPool(), s.servingMag(), s.lmaAddress(), s.accessTechnology(), s.linkLayerId(),
                    s.handoffIndicator(), e.timestamp().or(s::lastTimestamp), e.sequence(), 0, s.registeredAt(),
                    e.at(), e.at(), Optional.of(e.deleteAt()), s.bulkGroupId()));
        } else if (event.endsSession()) {
            MobilitySession ended = next.remove(event.sessionKey());
            if (ended != null && ended.prefixPool().isPresent()) {
                releases.put(ended.sessionKey(), new PendingRelease(ended.sessionKey(), ended.prefixPool().get(),
                        ended.servingMag(), ended.homeNetworkPrefixes()));
            }
        } else if (event instanceof BindingEvent.PrefixesReleased e) {
            releases.remove(e.sessionKey());
        }
        return new BindingState(next, created, releases);
    }
}
