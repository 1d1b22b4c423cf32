package io.pmip.lma.history;

/** Told after each persistence id of a whole-journal replay; the caller decides how often to show it. */
@FunctionalInterface
public interface ReplayProgress {
    ReplayProgress NONE = (persistenceIds, events) -> { };

    void replayed(long persistenceIds, long events);
}
