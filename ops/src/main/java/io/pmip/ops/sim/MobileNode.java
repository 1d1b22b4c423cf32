package io.pmip.ops.sim;

import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import java.util.List;

/**
 * One emulated mobile node: where it is and what the simulator asked of it last. Mutable, guarded
 * by its own monitor: the pacer and the MAG actors' event callbacks both touch it.
 */
final class MobileNode {
    /** Where the node stands in the simulator's scenario. */
    enum Phase {
        DETACHED(false),
        ATTACHING(true),
        ATTACHED(false),
        REFRESHING(true),
        /** Handoff, first half: the old MAG de-registers it (it left that link). */
        LEAVING(true),
        /** Handoff, second half: the new MAG registers it with HI 3 and its prefixes. */
        ARRIVING(true),
        DETACHING(true);

        private final boolean busy;

        Phase(boolean busy) {
            this.busy = busy;
        }

        boolean busy() {
            return busy;
        }
    }

    final String identifier;
    final Bytes linkLayerIdentifier;
    Phase phase = Phase.DETACHED;
    /** The MAG holding (or registering) it. */
    int mag;
    /** The MAG a handoff moves it to. */
    int target;
    List<Ipv6Prefix> prefixes = List.of();
    /** Intended start of the current operation (the open-loop schedule's time). */
    long intendedNanos;
    /** When the PBU now awaited was asked for: the intended start, or the handoff's second half. */
    long awaitedSinceNanos;

    MobileNode(String identifier, Bytes linkLayerIdentifier, int mag) {
        this.identifier = identifier;
        this.linkLayerIdentifier = linkLayerIdentifier;
        this.mag = mag;
    }

    /** Starts an operation in {@code next} at its intended time. */
    void begin(Phase next, long intended) {
        phase = next;
        intendedNanos = intended;
        awaitedSinceNanos = intended;
    }
}
