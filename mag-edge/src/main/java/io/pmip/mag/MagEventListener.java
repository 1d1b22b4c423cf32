package io.pmip.mag;

/**
 * Receives a MAG's {@link MagEvent}s. Called on the MAG actor's thread, so it must be quick and
 * thread-safe (e.g. an {@code ActorRef::tell}, a queue offer, a counter).
 */
@FunctionalInterface
public interface MagEventListener {
    MagEventListener NONE = event -> { };

    void onEvent(MagEvent event);
}
