package io.pmip.persistence;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;
import org.apache.pekko.persistence.AbstractPersistentActor;
import org.apache.pekko.persistence.DeleteMessagesFailure;
import org.apache.pekko.persistence.DeleteMessagesSuccess;

/**
 * Deletes the events of one persistence id up to the sequence number it is sent, through the
 * journal plugin it is given, and reports the journal's answer to {@code reportTo}.
 */
final class Deleter extends AbstractPersistentActor {
    private final String persistenceId;
    private final String journalPluginId;
    private final ActorRef reportTo;

    private Deleter(String persistenceId, String journalPluginId, ActorRef reportTo) {
        this.persistenceId = persistenceId;
        this.journalPluginId = journalPluginId;
        this.reportTo = reportTo;
    }

    static Props props(String persistenceId, String journalPluginId, ActorRef reportTo) {
        return Props.create(Deleter.class, () -> new Deleter(persistenceId, journalPluginId, reportTo));
    }

    @Override
    public String persistenceId() {
        return persistenceId;
    }

    @Override
    public String journalPluginId() {
        return journalPluginId;
    }

    @Override
    public Receive createReceiveRecover() {
        return receiveBuilder().matchAny(event -> { }).build();
    }

    @Override
    public Receive createReceive() {
        return receiveBuilder()
                .match(Long.class, this::deleteMessages)
                .match(DeleteMessagesSuccess.class, this::report)
                .match(DeleteMessagesFailure.class, this::report)
                .build();
    }

    private void report(Object answer) {
        reportTo.tell(answer, self());
    }
}
