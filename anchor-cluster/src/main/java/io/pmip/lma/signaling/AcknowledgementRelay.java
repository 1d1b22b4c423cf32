package io.pmip.lma.signaling;

import io.pmip.persistence.CborSerializable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * Hands a Binding Revocation Acknowledgement to the node that sent the indication. Behind one anycast
 * LMA address (and on one host, behind one SO_REUSEPORT port) a MAG's BRA goes to whichever node the
 * network picks, not necessarily the one waiting for it (RFC 5846 section 6.2 matches it by Sequence
 * Number at the sender). A node that finds no indication of its own for a BRA publishes it on a
 * cluster topic, and every other node tries it against its own.
 */
public final class AcknowledgementRelay {
    static final String TOPIC = "pmip-revocation-acks";

    /** A BRA as it came off the wire at {@code receivedBy}, from {@code mag}. */
    public record Relayed(String receivedBy, String mag, String transport, byte[] message) implements CborSerializable {
    }

    private AcknowledgementRelay() {
    }

    /** Starts this node's relay and attaches it to {@code ingress}; {@code self} names this node. */
    public static void start(ActorSystem<?> system, SignalingIngress ingress, String self) {
        system.systemActorOf(behavior(ingress, self), "revocation-ack-relay", Props.empty());
    }

    private static Behavior<Relayed> behavior(SignalingIngress ingress, String self) {
        return Behaviors.setup(context -> {
            ActorRef<Topic.Command<Relayed>> topic = context.spawn(Topic.create(Relayed.class, TOPIC), "topic");
            topic.tell(Topic.subscribe(context.getSelf()));
            ingress.relayAcknowledgements(ack -> topic.tell(Topic.publish(ack)), self);
            return Behaviors.receiveMessage(relayed -> {
                if (!relayed.receivedBy().equals(self)) {
                    ingress.onRelayedAcknowledgement(relayed);
                }
                return Behaviors.same();
            });
        });
    }
}
