package io.pmip.lma.history;

import io.pmip.lma.BindingEvent;

/** What an event left the mobility session in. */
public enum SessionStatus {
    /** Registered, refreshed or handed off: the Binding Cache entry is in use. */
    ACTIVE,
    /** RFC 5213 section 5.3.5: de-registered, kept for MinDelayBeforeBCEDelete. */
    DEREGISTERED,
    /** Expired, revoked or deleted: the entry is gone, its prefixes wait for release. */
    ENDED,
    /** The prefix pool took the ended session's prefixes back. */
    RELEASED;

    public static SessionStatus after(BindingEvent event) {
        if (event instanceof BindingEvent.Deregistered) {
            return DEREGISTERED;
        }
        if (event instanceof BindingEvent.PrefixesReleased) {
            return RELEASED;
        }
        return event.endsSession() ? ENDED : ACTIVE;
    }
}
