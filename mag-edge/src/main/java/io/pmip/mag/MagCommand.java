package io.pmip.mag;

import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The MAG actor's protocol. {@link Attach}, {@link Detach}, {@link DetachGroup} and the queries
 * come from an attachment source (the simulator, the API); the {@code ...Received} commands come
 * from the {@link MagNode} that owns the transport; the rest are the actor's own timers.
 */
public sealed interface MagCommand {

    /**
     * A mobile node attached to this MAG (RFC 5213 section 6.9.1.1).
     *
     * @param handoffFrom empty for a new attachment (HI 1, HNP ::/0); the prefixes the node had at
     *        its previous MAG for a handoff (HI 3, RFC 5213 section 5.4.1)
     */
    record Attach(String mobileNodeIdentifier, Bytes linkLayerIdentifier, AccessTechnologyType accessTechnology,
            List<Ipv6Prefix> handoffFrom) implements MagCommand {
        public Attach {
            Objects.requireNonNull(mobileNodeIdentifier, "mobileNodeIdentifier");
            Objects.requireNonNull(linkLayerIdentifier, "linkLayerIdentifier");
            Objects.requireNonNull(accessTechnology, "accessTechnology");
            handoffFrom = List.copyOf(handoffFrom);
        }

        public static Attach newAttachment(String mnId, Bytes linkLayerId, AccessTechnologyType att) {
            return new Attach(mnId, linkLayerId, att, List.of());
        }

        public static Attach handoff(String mnId, Bytes linkLayerId, AccessTechnologyType att,
                List<Ipv6Prefix> prefixesAtPreviousMag) {
            if (prefixesAtPreviousMag.isEmpty()) {
                throw new IllegalArgumentException("a handoff carries the prefixes the mobile node had");
            }
            return new Attach(mnId, linkLayerId, att, prefixesAtPreviousMag);
        }

        public boolean isHandoff() {
            return !handoffFrom.isEmpty();
        }
    }

    /** The mobile node left this MAG: de-register it (lifetime 0, RFC 5213 section 6.9.1.3). */
    record Detach(String mobileNodeIdentifier) implements MagCommand {
    }

    /** De-register every member of a bulk group with one PBU (RFC 6602 section 4.2). */
    record DetachGroup(long groupIdentifier) implements MagCommand {
    }

    /** Replies with a copy of the binding update list, keyed by MN-Identifier. */
    record GetBindingUpdateList(ActorRef<Map<String, BindingUpdateListEntry>> replyTo) implements MagCommand {
    }

    /** Replies with the heartbeat path state towards the LMA. */
    record GetPathState(ActorRef<PathState> replyTo) implements MagCommand {
    }

    /** A PBA the node decoded and routed here. */
    record PbaReceived(ProxyBindingAcknowledgement pba, long receivedNanos) implements MagCommand {
    }

    /** A Heartbeat from the LMA (request or response). */
    record HeartbeatReceived(Heartbeat heartbeat, InetAddress source, int sourcePort) implements MagCommand {
    }

    /** A Binding Revocation Indication from the LMA (RFC 5846). */
    record RevocationReceived(BindingRevocationIndication indication, InetAddress source, int sourcePort)
            implements MagCommand {
    }

    /** Retransmission timer of one mobile node's outstanding PBU. */
    record BindackTimeout(String mobileNodeIdentifier, int sequence) implements MagCommand {
    }

    /** Retransmission timer of one group's outstanding bulk PBU. */
    record BulkBindackTimeout(long groupIdentifier, int sequence) implements MagCommand {
    }

    /** Time to extend one mobile node's binding. */
    record RefreshDue(String mobileNodeIdentifier) implements MagCommand {
    }

    /** Time to extend a whole group's bindings. */
    record GroupRefreshDue(long groupIdentifier) implements MagCommand {
    }

    /** HEARTBEAT_INTERVAL elapsed. */
    enum HeartbeatTick implements MagCommand {
        INSTANCE
    }

    /** Next paced re-registration after the LMA came back. */
    enum ReEstablishNext implements MagCommand {
        INSTANCE
    }
}
