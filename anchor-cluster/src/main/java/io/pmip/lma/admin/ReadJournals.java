package io.pmip.lma.admin;

import com.typesafe.config.Config;
import java.util.Optional;

/**
 * Which read journal serves the journal this node writes to. Others (e.g. Pekko's own
 * {@code pekko.persistence.journal.inmem}) have none: with them there is no event history, and the
 * API says so (503) rather than invent one.
 */
final class ReadJournals {
    static final String CASSANDRA_JOURNAL = "pekko.persistence.cassandra.journal";
    static final String CASSANDRA_QUERY = "pekko.persistence.cassandra.query";
    static final String INMEM_JOURNAL = "pmip.inmem-journal";
    static final String INMEM_QUERY = "pmip.inmem-journal.query";

    private ReadJournals() {
    }

    /** The plugin id of the read journal for the configured journal plugin, if it has one. */
    static Optional<String> pluginFor(Config config) {
        String journal = config.getString("pekko.persistence.journal.plugin");
        if (journal.equals(CASSANDRA_JOURNAL)) {
            return Optional.of(CASSANDRA_QUERY);
        }
        if (journal.equals(INMEM_JOURNAL)) {
            return Optional.of(INMEM_QUERY);
        }
        return Optional.empty();
    }
}
