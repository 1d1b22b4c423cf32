package io.pmip.lma.history;

import java.util.List;

/** The outcome of checking a journal: how much was replayed and every violation found. */
public record InvariantReport(long persistenceIds, long events, List<Violation> violations) {
    public InvariantReport {
        violations = List.copyOf(violations);
    }

    public boolean ok() {
        return violations.isEmpty();
    }
}
