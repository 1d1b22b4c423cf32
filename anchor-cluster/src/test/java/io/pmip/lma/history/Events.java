package io.pmip.lma.history;

import io.pmip.lma.BindingEvent;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Hand-built binding events of one mobile node's session, as the entity would journal them. */
final class Events {
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final String mnId;
    private final String sessionKey;
    private final List<Ipv6Prefix> prefixes;
    private final Optional<String> linkLayerId;

    Events(String mnId, String sessionKey, String prefix, Optional<String> linkLayerId) {
        this.mnId = mnId;
        this.sessionKey = sessionKey;
        this.prefixes = List.of(Ipv6Prefix.parse(prefix));
        this.linkLayerId = linkLayerId;
    }

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    BindingEvent.Registered registered(int second, String mag) {
        return new BindingEvent.Registered(mnId, sessionKey, at(second), mag, "::1", prefixes, Optional.of("default"),
                AccessTechnologyType.IEEE_802_11, linkLayerId, HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE,
                Optional.empty(), 1, 60, OptionalLong.empty());
    }

    BindingEvent.Refreshed refreshed(int second, String mag) {
        return new BindingEvent.Refreshed(mnId, sessionKey, at(second), mag, prefixes,
                HandoffIndicator.HANDOFF_STATE_NOT_CHANGED, Optional.empty(), 2, 60, OptionalLong.empty());
    }

    BindingEvent.HandedOff handedOff(int second, String from, String to) {
        return new BindingEvent.HandedOff(mnId, sessionKey, at(second), from, to, "::1", prefixes,
                AccessTechnologyType.IEEE_802_11, linkLayerId, HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE,
                Optional.empty(), 1, 60, OptionalLong.empty());
    }

    BindingEvent.Deregistered deregistered(int second, String mag) {
        return new BindingEvent.Deregistered(mnId, sessionKey, at(second), mag, prefixes, Optional.empty(), 3,
                at(second + 10));
    }

    BindingEvent.SessionDeleted deleted(int second, String mag) {
        return new BindingEvent.SessionDeleted(mnId, sessionKey, at(second), mag, prefixes);
    }

    /** The events as journal records of {@code Binding|<mnId>}, numbered from 1. */
    List<JournalRecord> journal(BindingEvent... events) {
        String id = BindingJournal.persistenceId(mnId);
        return java.util.stream.IntStream.range(0, events.length)
                .mapToObj(i -> new JournalRecord(id, i + 1, events[i].at(), events[i]))
                .toList();
    }
}
