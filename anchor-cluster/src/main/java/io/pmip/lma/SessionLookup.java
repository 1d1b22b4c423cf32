package io.pmip.lma;

import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.HandoffIndicator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which of a mobile node's mobility sessions a Proxy Binding Update concerns: RFC 5213 section 5.4.1
 * (binding cache entry lookup considerations for multihoming), applied in the RFC's order.
 */
final class SessionLookup {

    /** The outcome: an existing session, none (a new session is wanted), or a rejection. */
    sealed interface Result {
    }

    record Found(MobilitySession session) implements Result {
    }

    record NotFound() implements Result {
    }

    record Mismatch(BindingAckStatus status, String detail) implements Result {
    }

    /**
     * Handoff state unknown and the only candidate is served by another MAG: a handoff of that
     * interface or a new interface, which only the old MAG's de-registration can tell (RFC 5213
     * section 5.4.1.3, MaxDelayBeforeNewBCEAssign).
     */
    record HandoffUnknown(MobilitySession candidate) implements Result {
    }

    private SessionLookup() {
    }

    static Result find(BindingState state, PbuRequest pbu) {
        List<Ipv6Prefix> specific = pbu.specificPrefixes();
        if (!specific.isEmpty()) {
            // RFC 5213 section 5.4.1.1: a named prefix identifies the entry that holds it.
            Optional<MobilitySession> holder = state.all().stream().filter(s -> s.sharesAnyPrefix(specific))
                    .findFirst();
            if (holder.isEmpty()) {
                return new NotFound();
            }
            // RFC 5213 section 5.4.1.1: the request must name exactly the entry's prefix set.
            return holder.get().hasPrefixSet(specific)
                    ? new Found(holder.get())
                    : new Mismatch(BindingAckStatus.BCE_PBU_PREFIX_SET_DO_NOT_MATCH,
                            "PBU prefixes " + specific + " differ from session prefixes "
                                    + holder.get().homeNetworkPrefixes());
        }
        Predicate<MobilitySession> sameAccess = s -> pbu.accessTechnology().map(s.accessTechnology()::equals)
                .orElse(false);
        if (pbu.linkLayerId().isPresent()) {
            // RFC 5213 section 5.4.1.2: the link-layer identifier with the access technology names the interface.
            Optional<MobilitySession> same = only(state, s -> s.linkLayerId().equals(pbu.linkLayerId())
                    && sameAccess.test(s));
            if (same.isPresent()) {
                return new Found(same.get());
            }
        }
        // An entry bound to another known link-layer identifier is another interface, never this one.
        Predicate<MobilitySession> compatible = s -> s.linkLayerId().isEmpty() || pbu.linkLayerId().isEmpty()
                || s.linkLayerId().equals(pbu.linkLayerId());
        HandoffIndicator hi = pbu.handoffIndicator().orElse(HandoffIndicator.HANDOFF_STATE_UNKNOWN);
        return switch (hi) {
            // RFC 5213 section 5.4.1.3: attachment over a new interface is always a new session.
            case ATTACHMENT_OVER_NEW_INTERFACE, ATTACHMENT_OVER_NEW_INTERFACE_SHARING_PREFIXES, RESERVED ->
                    new NotFound();
            // RFC 5213 section 5.4.1.3: handoff between interfaces moves the only session there is.
            case HANDOFF_BETWEEN_INTERFACES -> found(only(state, s -> true));
            // RFC 5213 section 5.4.1.3: handoff between MAGs keeps the interface, so the access technology.
            case HANDOFF_BETWEEN_MAGS_SAME_INTERFACE -> found(only(state, sameAccess.and(compatible)));
            // RFC 5213 section 5.4.1.3: unchanged: the session this MAG serves, else the only session over
            // this access technology.
            case HANDOFF_STATE_NOT_CHANGED -> found(servedHere(state, pbu, sameAccess.and(compatible))
                    .or(() -> only(state, sameAccess.and(compatible))));
            // RFC 5213 section 5.4.1.3: unknown: the session this MAG serves; one served elsewhere may be
            // this interface handed off or another interface, so it is only a candidate.
            case HANDOFF_STATE_UNKNOWN -> servedHere(state, pbu, sameAccess.and(compatible)).<Result>map(Found::new)
                    .or(() -> only(state, sameAccess.and(compatible)).map(HandoffUnknown::new))
                    .orElse(new NotFound());
        };
    }

    private static Optional<MobilitySession> servedHere(BindingState state, PbuRequest pbu,
                                                        Predicate<MobilitySession> test) {
        return only(state, test.and(s -> s.servingMag().equals(pbu.servingMag())));
    }

    private static Result found(Optional<MobilitySession> session) {
        return session.<Result>map(Found::new).orElse(new NotFound());
    }

    private static Optional<MobilitySession> only(BindingState state, Predicate<MobilitySession> test) {
        List<MobilitySession> matches = state.all().stream().filter(test).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
