package io.pmip.lma.signaling;

import io.pmip.lma.PbuRequest;
import io.pmip.protocol.mh.HandoffIndicator;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Overload control of the signaling ingress: two concurrency limits on PBUs handed to binding
 * entities and not yet answered.
 *
 * <p>A limit on outstanding work admits at the rate the node completes it (Little's law: admitted
 * rate = limit / latency), whatever that rate is on this machine today, and bounds the latency of
 * what it admits by the limit over the service rate; a fixed token rate would need calibrating per
 * machine and would still queue when the node slows down. New registrations, the expensive path
 * (entity start, prefix pool round trip, journal writes), get a limit of their own well below the
 * total, so a surge of them (all MAGs re-registering after a failover or a MAG restart) cannot
 * starve refreshes, handoffs and de-registrations of bindings that exist.
 */
final class Admission {
    /** What happens to one PBU. */
    enum Verdict {
        /** Handed to its entity; {@link #release} when it is answered. */
        ADMITTED,
        /**
         * A new registration over its limit: refused with 130 (INSUFFICIENT_RESOURCES). No binding
         * exists yet, so a MAG that takes the refusal as final loses nothing; ours backs off.
         */
        REFUSED_NEW_REGISTRATION,
        /**
         * A PBU of an existing binding over the total limit: not answered, so the MAG retransmits with
         * back-off (RFC 5213 section 6.9.4); a rejection would make it tear the live binding down
         * (section 6.9.1.2).
         */
        DROPPED
    }

    private final int maxInFlight;
    private final int maxNewRegistrationsInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger newRegistrationsInFlight = new AtomicInteger();

    Admission(int maxInFlight, int maxNewRegistrationsInFlight) {
        this.maxInFlight = maxInFlight;
        this.maxNewRegistrationsInFlight = maxNewRegistrationsInFlight;
    }

    /**
     * RFC 5213 section 5.4.1: an attachment over a new interface (Handoff Indicator 1, or 6 of RFC
     * 7864) creates a mobility session, and so may a PBU that neither says it is a handoff (4 or no
     * indicator) nor names a prefix; handoffs (2, 3), refreshes (5) and de-registrations name one
     * that exists.
     */
    static boolean isNewRegistration(PbuRequest request) {
        if (request.isDeregistration()) {
            return false;
        }
        HandoffIndicator hi = request.handoffIndicator().orElse(HandoffIndicator.HANDOFF_STATE_UNKNOWN);
        return switch (hi) {
            case ATTACHMENT_OVER_NEW_INTERFACE, ATTACHMENT_OVER_NEW_INTERFACE_SHARING_PREFIXES -> true;
            case HANDOFF_STATE_UNKNOWN, RESERVED -> request.specificPrefixes().isEmpty();
            case HANDOFF_BETWEEN_INTERFACES, HANDOFF_BETWEEN_MAGS_SAME_INTERFACE, HANDOFF_STATE_NOT_CHANGED -> false;
        };
    }

    Verdict tryAdmit(boolean newRegistration) {
        if (newRegistration && newRegistrationsInFlight.incrementAndGet() > maxNewRegistrationsInFlight) {
            newRegistrationsInFlight.decrementAndGet();
            return Verdict.REFUSED_NEW_REGISTRATION;
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            if (newRegistration) {
                newRegistrationsInFlight.decrementAndGet();
                return Verdict.REFUSED_NEW_REGISTRATION;
            }
            return Verdict.DROPPED;
        }
        return Verdict.ADMITTED;
    }

    /** The entity answered (or the ask failed) for a PBU that was {@link Verdict#ADMITTED}. */
    void release(boolean newRegistration) {
        inFlight.decrementAndGet();
        if (newRegistration) {
            newRegistrationsInFlight.decrementAndGet();
        }
    }

    int inFlight() {
        return inFlight.get();
    }

    int newRegistrationsInFlight() {
        return newRegistrationsInFlight.get();
    }
}
