package io.pmip.lma.history;

import io.pmip.lma.BindingEvent;
import io.pmip.lma.BindingState;
import java.time.Instant;

/**
 * Rebuilds binding state from events with the entity's own event handler,
 * {@link BindingState#apply}, so replay and the live entity cannot disagree.
 */
public final class Replay {
    private Replay() {
    }

    /**
     * The state after every event decided at or before {@code at}, folding from
     * {@link BindingState#EMPTY} as recovery does; {@code events} in journal order.
     */
    public static BindingState stateAt(Iterable<JournalRecord> events, Instant at) {
        BindingState state = BindingState.EMPTY;
        for (JournalRecord record : events) {
            BindingEvent event = record.event();
            if (event.at().isAfter(at)) {
                break; // journal order is decision order: nothing later can be earlier
            }
            state = state.apply(event);
        }
        return state;
    }
}
