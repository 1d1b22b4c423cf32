package io.pmip.lma.history;

import io.pmip.lma.BindingEvent;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One line of a mobile node's history, flattened for people and for JSON: the fields an event
 * type does not carry are empty.
 *
 * @param mnId             the mobile node
 * @param sequenceNr       position in the node's journal, from 1
 * @param at               when the LMA decided the event (its clock)
 * @param writtenAt        when the journal stored it
 * @param type             the event type: Registered, Refreshed, HandedOff, Deregistered, ...
 * @param sessionKey       the mobility session inside the node ("if-0", ...)
 * @param servingMag       Proxy-CoA of the MAG serving the session after the event
 * @param previousMag      for a handoff, the MAG the session left
 * @param prefixes         the session's home network prefixes
 * @param handoffIndicator Handoff Indicator of the accepted PBU, when the event came from one
 * @param accessTechnology access technology, when the event names it
 * @param lifetimeSeconds  lifetime granted by the accepted PBU
 * @param pbuSequence      Sequence # of the accepted PBU
 * @param deleteAt         for a de-registration, when MinDelayBeforeBCEDelete ends (RFC 5213 5.3.5)
 * @param reason           for a revocation, why
 * @param status           what the event left the session in
 */
public record TimelineEntry(String mnId, long sequenceNr, Instant at, Instant writtenAt, String type,
                            String sessionKey, String servingMag, Optional<String> previousMag,
                            List<Ipv6Prefix> prefixes, Optional<HandoffIndicator> handoffIndicator,
                            Optional<AccessTechnologyType> accessTechnology, OptionalInt lifetimeSeconds,
                            OptionalInt pbuSequence, Optional<Instant> deleteAt, Optional<String> reason,
                            SessionStatus status) {

    public TimelineEntry {
        prefixes = List.copyOf(prefixes);
    }

    public static TimelineEntry of(JournalRecord record) {
        BindingEvent event = record.event();
        Optional<String> previousMag = Optional.empty();
        Optional<HandoffIndicator> hi = Optional.empty();
        Optional<AccessTechnologyType> att = Optional.empty();
        OptionalInt lifetime = OptionalInt.empty();
        OptionalInt sequence = OptionalInt.empty();
        Optional<Instant> deleteAt = Optional.empty();
        Optional<String> reason = Optional.empty();
        if (event instanceof BindingEvent.Registered e) {
            hi = Optional.of(e.handoffIndicator());
            att = Optional.of(e.accessTechnology());
            lifetime = OptionalInt.of(e.lifetimeSeconds());
            sequence = OptionalInt.of(e.sequence());
        } else if (event instanceof BindingEvent.Refreshed e) {
            hi = Optional.of(e.handoffIndicator());
            lifetime = OptionalInt.of(e.lifetimeSeconds());
            sequence = OptionalInt.of(e.sequence());
        } else if (event instanceof BindingEvent.HandedOff e) {
            previousMag = Optional.of(e.previousMag());
            hi = Optional.of(e.handoffIndicator());
            att = Optional.of(e.accessTechnology());
            lifetime = OptionalInt.of(e.lifetimeSeconds());
            sequence = OptionalInt.of(e.sequence());
        } else if (event instanceof BindingEvent.Deregistered e) {
            lifetime = OptionalInt.of(0);
            sequence = OptionalInt.of(e.sequence());
            deleteAt = Optional.of(e.deleteAt());
        } else if (event instanceof BindingEvent.Revoked e) {
            reason = Optional.of(e.reason());
        }
        return new TimelineEntry(event.mnId(), record.sequenceNr(), event.at(), record.writtenAt(),
                event.getClass().getSimpleName(), event.sessionKey(), event.servingMag(), previousMag,
                event.homeNetworkPrefixes(), hi, att, lifetime, sequence, deleteAt, reason,
                SessionStatus.after(event));
    }

    /** True when the event moved the session to another MAG or interface (RFC 5213 5.3.4). */
    public boolean isHandoff() {
        return previousMag.isPresent();
    }
}
