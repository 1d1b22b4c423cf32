package io.pmip.lma.history;

import io.pmip.lma.BindingEntity;
import io.pmip.lma.BindingEvent;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;

/**
 * Writes binding events straight into the journal under a binding entity's persistence id,
 * bypassing the entity's rules: how a test plants a history the LMA would never write.
 */
public final class JournalWriter extends EventSourcedBehavior<JournalWriter.Write, BindingEvent, Long> {
    public record Write(BindingEvent event, ActorRef<Done> replyTo) {
    }

    public static Behavior<Write> create(String mnId) {
        return new JournalWriter(mnId);
    }

    private JournalWriter(String mnId) {
        super(BindingEntity.persistenceId(mnId));
    }

    @Override
    public Long emptyState() {
        return 0L;
    }

    @Override
    public CommandHandler<Write, BindingEvent, Long> commandHandler() {
        return newCommandHandlerBuilder().forAnyState()
                .onCommand(Write.class, (state, w) -> Effect().persist(w.event()).thenReply(w.replyTo(), s -> Done.done()))
                .build();
    }

    @Override
    public EventHandler<Long, BindingEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent((count, event) -> count + 1);
    }
}
