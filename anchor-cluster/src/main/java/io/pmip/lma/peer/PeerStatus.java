package io.pmip.lma.peer;

import io.pmip.persistence.CborSerializable;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the LMA knows of one MAG peer (RFC 5847): its path state, the requests missed in a row, when it
 * last answered, and the last Restart Counter it reported.
 *
 * @param heartbeating whether the LMA currently sends this MAG Heartbeat requests
 */
public record PeerStatus(String mag, PathState state, int missed, Optional<Instant> lastHeartbeat,
        OptionalLong restartCounter, boolean heartbeating) implements CborSerializable {
}
