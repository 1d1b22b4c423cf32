package io.pmip.persistence.cassandra;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What {@code pmip cassandra status} reports about the node of one data directory and port.
 *
 * @param state      whether CQL answers
 * @param pid        the node's process, when this data directory's pid file names a live one
 * @param nativePort the CQL port probed
 * @param dataDir    the data directory looked at
 */
public record CassandraStatus(State state, OptionalLong pid, int nativePort, Path dataDir) {

    public enum State {
        /** CQL answers on the port. */
        RUNNING,
        /** The recorded process is alive but CQL does not answer (yet). */
        STARTING,
        /** Neither a live recorded process nor a CQL answer. */
        STOPPED
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    @Override
    public String toString() {
        return state.name().toLowerCase(java.util.Locale.ROOT)
                + " pid=" + (pid.isPresent() ? Long.toString(pid.getAsLong()) : "-")
                + " port=" + nativePort
                + " data=" + dataDir;
    }
}
