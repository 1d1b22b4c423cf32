package io.pmip.lma.peer;

import io.pmip.persistence.CborSerializable;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The durable part of a MAG peer: how to reach it, its last Restart Counter and when that was last
 * confirmed by a journaled fact.
 */
public record MagPeerState(Optional<MagAddress> address, OptionalLong restartCounter, Optional<Instant> counterSince)
        implements CborSerializable {
    static final MagPeerState EMPTY = new MagPeerState(Optional.empty(), OptionalLong.empty(), Optional.empty());

    MagPeerState apply(MagPeerEvent event) {
        if (event instanceof MagPeerEvent.AddressLearned e) {
            return new MagPeerState(Optional.of(e.address()), restartCounter, counterSince);
        }
        if (event instanceof MagPeerEvent.RestartCounterLearned e) {
            return new MagPeerState(address, OptionalLong.of(e.restartCounter()), Optional.of(e.at()));
        }
        if (event instanceof MagPeerEvent.HeartbeatsStopped) {
            // Forgetting the address is what keeps a later restart of the entity (e.g. by a status query) quiet.
            return new MagPeerState(Optional.empty(), restartCounter, counterSince);
        }
        MagPeerEvent.MagRestarted e = (MagPeerEvent.MagRestarted) event;
        return new MagPeerState(address, OptionalLong.of(e.restartCounter()), Optional.of(e.at()));
    }

    /** A reported counter other than the one known (RFC 5847 section 3, restart detection); nothing known is no restart. */
    boolean restartedAccordingTo(long reported) {
        return restartCounter.isPresent() && restartCounter.getAsLong() != reported;
    }
}
