package io.pmip.lma.history;

import java.util.List;

/**
 * A broken {@link Invariant} and the journaled events that broke it.
 *
 * @param invariant what was broken
 * @param summary   one line naming the mobile nodes, sessions and prefixes involved
 * @param events    the events that caused it, each with its persistence id and sequence number
 */
public record Violation(Invariant invariant, String summary, List<JournalRecord> events) {
    public Violation {
        events = List.copyOf(events);
    }

    /** The persistence ids involved, in the order of {@link #events()}, without repeats. */
    public List<String> persistenceIds() {
        return events.stream().map(JournalRecord::persistenceId).distinct().toList();
    }
}
