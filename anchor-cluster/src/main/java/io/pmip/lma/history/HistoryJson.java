package io.pmip.lma.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pmip.lma.BindingState;
import io.pmip.lma.MobilitySession;
import io.pmip.protocol.Ipv6Prefix;
import java.time.Instant;
import java.util.List;

/**
 * The history as JSON documents: instants as ISO-8601 text, prefixes as "addr/len", enums by name
 * (the Handoff Indicator also by its RFC 5213 code); a field an event does not carry is left out.
 * One model for both readers: {@code pmip replay --json} prints these documents and the admin API's
 * {@code /api/bindings/{mnId}/events} serves the same trees ({@link #timelineTree}, {@link #stateTree}).
 */
public final class HistoryJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HistoryJson() {
    }

    public static String timeline(String mnId, List<TimelineEntry> timeline) {
        return write(timelineTree(mnId, timeline));
    }

    public static ObjectNode timelineTree(String mnId, List<TimelineEntry> timeline) {
        ObjectNode doc = NODES.objectNode().put("mnId", mnId);
        ArrayNode events = doc.putArray("events");
        timeline.forEach(e -> events.add(entry(e)));
        return doc;
    }

    public static String magEvents(String mag, Instant from, Instant to, List<TimelineEntry> entries) {
        ObjectNode doc = NODES.objectNode().put("mag", mag).put("from", from.toString()).put("to", to.toString());
        ArrayNode events = doc.putArray("events");
        entries.forEach(e -> events.add(entry(e)));
        return write(doc);
    }

    public static String state(String mnId, Instant at, BindingState state) {
        return write(stateTree(mnId, at, state));
    }

    public static ObjectNode stateTree(String mnId, Instant at, BindingState state) {
        ObjectNode doc = NODES.objectNode().put("mnId", mnId).put("at", at.toString());
        ArrayNode sessions = doc.putArray("sessions");
        for (MobilitySession s : state.all()) {
            ObjectNode n = sessions.addObject()
                    .put("sessionKey", s.sessionKey())
                    .put("servingMag", s.servingMag())
                    .put("lmaAddress", s.lmaAddress());
            prefixes(n, s.homeNetworkPrefixes());
            s.prefixPool().ifPresent(p -> n.put("prefixPool", p));
            n.put("accessTechnology", s.accessTechnology().name());
            s.linkLayerId().ifPresent(l -> n.put("linkLayerId", l));
            n.put("handoffIndicator", s.handoffIndicator().name()).put("handoffIndicatorCode", s.handoffIndicator().code())
                    .put("lastSequence", s.lastSequence())
                    .put("lifetimeSeconds", s.lifetimeSeconds())
                    .put("registeredAt", s.registeredAt().toString())
                    .put("updatedAt", s.updatedAt().toString())
                    .put("expiresAt", s.expiresAt().toString())
                    .put("deregistered", s.isDeregistered());
            s.deleteAt().ifPresent(d -> n.put("deleteAt", d.toString()));
        }
        return doc;
    }

    public static String report(InvariantReport report) {
        ObjectNode doc = NODES.objectNode()
                .put("persistenceIds", report.persistenceIds())
                .put("events", report.events())
                .put("ok", report.ok());
        ArrayNode violations = doc.putArray("violations");
        for (Violation v : report.violations()) {
            ObjectNode n = violations.addObject().put("invariant", v.invariant().name()).put("summary", v.summary());
            ArrayNode ids = n.putArray("persistenceIds");
            v.persistenceIds().forEach(ids::add);
            ArrayNode events = n.putArray("events");
            for (JournalRecord r : v.events()) {
                ObjectNode e = entry(TimelineEntry.of(r));
                e.put("persistenceId", r.persistenceId());
                events.add(e);
            }
        }
        return write(doc);
    }

    private static ObjectNode entry(TimelineEntry e) {
        ObjectNode n = NODES.objectNode()
                .put("mnId", e.mnId())
                .put("sequenceNr", e.sequenceNr())
                .put("at", e.at().toString())
                .put("writtenAt", e.writtenAt().toString())
                .put("type", e.type())
                .put("sessionKey", e.sessionKey())
                .put("servingMag", e.servingMag());
        e.previousMag().ifPresent(m -> n.put("previousMag", m));
        prefixes(n, e.prefixes());
        e.handoffIndicator().ifPresent(h -> n.put("handoffIndicator", h.name()).put("handoffIndicatorCode", h.code()));
        e.accessTechnology().ifPresent(a -> n.put("accessTechnology", a.name()));
        e.lifetimeSeconds().ifPresent(l -> n.put("lifetimeSeconds", l));
        e.pbuSequence().ifPresent(s -> n.put("pbuSequence", s));
        e.deleteAt().ifPresent(d -> n.put("deleteAt", d.toString()));
        e.reason().ifPresent(r -> n.put("reason", r));
        n.put("status", e.status().name());
        return n;
    }

    private static void prefixes(ObjectNode n, List<Ipv6Prefix> prefixes) {
        ArrayNode array = n.putArray("prefixes");
        prefixes.forEach(p -> array.add(p.toString()));
    }

    private static String write(ObjectNode doc) {
        try {
            return MAPPER.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
