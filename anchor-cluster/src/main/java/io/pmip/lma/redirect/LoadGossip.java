package io.pmip.lma.redirect;

import io.pmip.lma.BindingEntity;
import io.pmip.lma.Replies;
import io.pmip.persistence.CborSerializable;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.ShardRegion;

/**
 * Publishes this node's {@link NodeLoad} on a cluster topic every interval and folds what the
 * other nodes publish into the {@link LoadView}. Also carries drain requests, so the admin API of
 * any node can drain any other.
 */
public final class LoadGossip {
    public static final String LOAD_TOPIC = "pmip-node-load";
    /** Every node's gossip actor, so the admin API of any node can ask any other to drain. */
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "pmip-load-gossip");

    /** What this actor handles. */
    public sealed interface Command {
    }

    /** Asks the gossip actor of the named node ({@code host:port}) to drain its node. */
    public record DrainRequest(String node) implements Command, CborSerializable {
    }

    private enum Tick implements Command { INSTANCE }

    private record Heard(NodeLoad load) implements Command {
    }

    private record LocalEntities(long count, boolean known) implements Command {
    }

    /** This node's identity and how it measures itself. */
    public record Self(String node, String unicastUdp, String unicastMh, DoubleSupplier pbusPerSecond,
            Runnable onDrain, Capacity capacity) {
    }

    private LoadGossip() {
    }

    public static Behavior<Command> create(Self self, LoadView view, Duration interval, Clock clock) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
            ActorRef<Topic.Command<NodeLoad>> loads = context.spawn(Topic.create(NodeLoad.class, LOAD_TOPIC),
                    "load-topic");
            loads.tell(Topic.subscribe(context.messageAdapter(NodeLoad.class, Heard::new)));
            context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf()));
            timers.startTimerWithFixedDelay(Tick.INSTANCE, interval);
            return new LoadGossip().running(context, self, view, clock, loads, new State(0, false));
        }));
    }

    /** Mutable only in the sense of being replaced: the entity count and whether this node drains. */
    private record State(long entities, boolean draining) {
    }

    private Behavior<Command> running(ActorContext<Command> context, Self self, LoadView view, Clock clock,
            ActorRef<Topic.Command<NodeLoad>> loads, State state) {
        return Behaviors.receive(Command.class)
                .onMessageEquals(Tick.INSTANCE, () -> {
                    askEntities(context);
                    publish(self, view, clock, loads, state);
                    return Behaviors.same();
                })
                .onMessage(LocalEntities.class, e -> e.known()
                        ? running(context, self, view, clock, loads, new State(e.count(), state.draining()))
                        : Behaviors.same())
                .onMessage(Heard.class, h -> {
                    view.update(h.load());
                    return Behaviors.same();
                })
                .onMessage(DrainRequest.class, d -> {
                    if (!d.node().equals(self.node())) {
                        return Behaviors.same();
                    }
                    if (state.draining()) {
                        return Behaviors.same(); // a repeated request: the drain is under way
                    }
                    State draining = new State(state.entities(), true);
                    // Tell everyone at once so no node redirects a MAG here while this one drains.
                    publish(self, view, clock, loads, draining);
                    self.onDrain().run();
                    return running(context, self, view, clock, loads, draining);
                })
                .build();
    }

    private static void publish(Self self, LoadView view, Clock clock, ActorRef<Topic.Command<NodeLoad>> loads,
            State state) {
        NodeLoad load = new NodeLoad(self.node(), self.unicastUdp(), self.unicastMh(), state.entities(),
                self.pbusPerSecond().getAsDouble(), state.draining(), clock.millis(), self.capacity());
        view.update(load); // own view first: a lone node needs no round trip through the topic
        loads.tell(Topic.publish(load));
    }

    private static void askEntities(ActorContext<Command> context) {
        ActorRef<org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery> shardState =
                ClusterSharding.get(context.getSystem()).shardState();
        // Not context.ask: its callback would run on a thread of its own on 2 cores (see Replies).
        context.pipeToSelf(Replies.onReplyingThread(AskPattern.ask(shardState,
                        (ActorRef<ShardRegion.CurrentShardRegionState> replyTo) ->
                                new GetShardRegionState(BindingEntity.TYPE_KEY, replyTo),
                        Duration.ofSeconds(2), context.getSystem().scheduler())),
                (state, failure) -> state == null ? new LocalEntities(0, false)
                        : new LocalEntities(state.getShards().stream().mapToLong(s -> s.getEntityIds().size()).sum(),
                                true));
    }
}
