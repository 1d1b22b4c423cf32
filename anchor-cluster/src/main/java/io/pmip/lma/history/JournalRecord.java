package io.pmip.lma.history;

import io.pmip.lma.BindingEvent;
import java.time.Instant;

/**
 * One journaled binding event with where it sits in the journal.
 *
 * @param persistenceId the entity's persistence id ({@code Binding|<mnId>})
 * @param sequenceNr    its position in that entity's journal, from 1
 * @param writtenAt     when the journal stored it (the envelope timestamp)
 * @param event         the event; {@link BindingEvent#at()} is when the entity decided it
 */
public record JournalRecord(String persistenceId, long sequenceNr, Instant writtenAt, BindingEvent event) {

    public String mnId() {
        return event.mnId();
    }

    /** {@code Binding|mn-1#3}: the journal coordinates an operator can look up. */
    public String coordinates() {
        return persistenceId + "#" + sequenceNr;
    }
}
