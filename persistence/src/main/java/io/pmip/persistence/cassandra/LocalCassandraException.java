package io.pmip.persistence.cassandra;

/** The local node could not be resolved, configured, started or stopped; the message says why. */
public final class LocalCassandraException extends RuntimeException {
    public LocalCassandraException(String message) {
        super(message);
    }

    public LocalCassandraException(String message, Throwable cause) {
        super(message, cause);
    }
}
