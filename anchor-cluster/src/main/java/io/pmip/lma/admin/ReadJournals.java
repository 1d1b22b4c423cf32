package io.pmip.lma.admin;

import com.typesafe.config.Config;
import java.util.Optional;

/**
 * Which read journal serves the journal this node writes to. Pekko's own in-memory journal
 * ({@code pekko.persistence.journal.inmem}) has none: with it there is no read side and no event
 * history, and the API says so (503) rather than invent one.
 */
final class ReadJournals {
    static final String CASSANDRA_JOURNAL = "pekko.persistence.cassandra.journal";
    static final String CASSANDRA_QUERY = "pekko.persistence.cassandra.query";
    static final String TESTKIT_JOURNAL = "pekko.persistence.testkit.journal";
    static final String TESTKIT_QUERY = "pekko.persistence.testkit.query";

    private ReadJournals() {
    }

    /**
     * A read journal and how to follow a tag with it: {@code live} uses the live eventsByTag query
     * (Cassandra's is dependable); otherwise currentEventsByTag is polled, because the persistence
     * testkit's live tag stage can miss a write that lands while it is looking (seen in tests).
     */
    record Choice(String pluginId, boolean live) {
    }

    /** The read journal for the configured journal plugin, if it has one. */
    static Optional<Choice> pluginFor(Config config) {
        String journal = config.getString("pekko.persistence.journal.plugin");
        if (journal.equals(CASSANDRA_JOURNAL)) {
            return Optional.of(new Choice(CASSANDRA_QUERY, true));
        }
        if (journal.equals(TESTKIT_JOURNAL) && config.hasPath(TESTKIT_QUERY)) {
            return Optional.of(new Choice(TESTKIT_QUERY, false));
        }
        return Optional.empty();
    }
}
