package io.pmip.persistence;

import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A test-only event-sourced entity whose events and state go through the CBOR serializer. */
final class Counter extends EventSourcedBehavior<Counter.Command, Counter.Event, Counter.State> {
    static final String TAG = "counter";

    sealed interface Command {
    }

    record Add(int amount, ActorRef<Done> replyTo) implements Command {
    }

    record Get(ActorRef<State> replyTo) implements Command {
    }

    interface Event extends CborSerializable {
    }

    record Added(int amount, String note) implements Event {
    }

    record State(int total, List<Integer> history) implements CborSerializable {
        State add(int amount) {
            List<Integer> next = new ArrayList<>(history);
            next.add(amount);
            return new State(total + amount, List.copyOf(next));
        }
    }

    static Behavior<Command> create(String id) {
        return new Counter(PersistenceId.of("Counter", id));
    }

    private Counter(PersistenceId id) {
        super(id);
    }

    @Override
    public State emptyState() {
        return new State(0, List.of());
    }

    @Override
    public CommandHandler<Command, Event, State> commandHandler() {
        return newCommandHandlerBuilder().forAnyState()
                .onCommand(Add.class, (state, cmd) -> Effect()
                        .persist(new Added(cmd.amount(), "added " + cmd.amount()))
                        .thenReply(cmd.replyTo(), s -> Done.getInstance()))
                .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .build();
    }

    @Override
    public EventHandler<State, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState()
                .onEvent(Added.class, (state, event) -> state.add(event.amount()))
                .build();
    }

    @Override
    public Set<String> tagsFor(Event event) {
        return Set.of(TAG);
    }
}
