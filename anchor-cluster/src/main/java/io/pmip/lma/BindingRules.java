package io.pmip.lma;

import io.pmip.lma.policy.MobileNodeProfile;
import io.pmip.lma.policy.PrefixAssignment;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.HandoffIndicator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The LMA's handling of one Proxy Binding Update against a mobile node's binding cache (RFC 5213
 * section 5.3), with no I/O: it says what to journal and what to answer, or that a prefix must come
 * from a pool first.
 */
final class BindingRules {

    sealed interface Outcome {
    }

    /** Answer and change nothing (rejections, and acceptances that need no state change). */
    record Answer(PbaDecision reply) implements Outcome {
    }

    /** Journal {@code event}, then answer. */
    record Persist(BindingEvent event, PbaDecision reply) implements Outcome {
    }

    /**
     * RFC 5213 section 5.4.1.3: hold the PBU (Handoff Indicator 4) until the MAG serving {@code sessionKey}
     * de-registers it or MaxDelayBeforeNewBCEAssign runs out, then evaluate it again.
     */
    record AwaitDeregistration(String sessionKey) implements Outcome {
    }

    /** A new session needs a prefix from {@code pool}, asked for as {@code holder}. */
    record NeedPoolPrefix(String pool, String sessionKey, String holder, int lifetimeGranted) implements Outcome {
    }

    private final LmaSettings settings;

    BindingRules(LmaSettings settings) {
        this.settings = settings;
    }

    /** The name a session's pool prefix is held under: stable across crashes and retries. */
    static String holder(String mnId, String sessionKey) {
        return mnId + "/" + sessionKey;
    }

    Outcome evaluate(BindingState state, PbuRequest pbu, MobileNodeProfile profile, Instant now) {
        return evaluate(state, pbu, profile, now, now, false);
    }

    /**
     * @param receivedAt         when the PBU arrived: its Timestamp is checked against this, also when it was
     *                           held for MaxDelayBeforeNewBCEAssign
     * @param newBceAssignDelayOver true once the PBU waited MaxDelayBeforeNewBCEAssign for a de-registration
     */
    Outcome evaluate(BindingState state, PbuRequest pbu, MobileNodeProfile profile, Instant receivedAt,
                     Instant now, boolean newBceAssignDelayOver) {
        // RFC 5213 section 5.3.1: mandatory options.
        if (pbu.homeNetworkPrefixes().isEmpty()) {
            return reject(pbu, BindingAckStatus.MISSING_HOME_NETWORK_PREFIX_OPTION, "no Home Network Prefix option");
        }
        if (pbu.handoffIndicator().isEmpty()) {
            return reject(pbu, BindingAckStatus.MISSING_HANDOFF_INDICATOR_OPTION, "no Handoff Indicator option");
        }
        if (pbu.accessTechnology().isEmpty()) {
            return reject(pbu, BindingAckStatus.MISSING_ACCESS_TECH_TYPE_OPTION, "no Access Technology Type option");
        }
        Optional<PbaDecision> clock = MessageOrdering.checkClock(pbu, receivedAt, settings.timestampValidityWindow());
        if (clock.isPresent()) {
            return new Answer(clock.get());
        }
        SessionLookup.Result lookup = SessionLookup.find(state, pbu);
        if (lookup instanceof SessionLookup.Mismatch m) {
            return reject(pbu, m.status(), m.detail());
        }
        if (lookup instanceof SessionLookup.HandoffUnknown u && !pbu.isDeregistration()
                && !u.candidate().isDeregistered()) {
            if (!newBceAssignDelayOver) {
                return new AwaitDeregistration(u.candidate().sessionKey());
            }
            // RFC 5213 section 5.4.1.3: no de-registration within MaxDelayBeforeNewBCEAssign: a new interface.
            return create(state, pbu, profile, now);
        }
        // RFC 5213 section 5.4.1.3: a candidate its old MAG already de-registered was handed off to this MAG.
        Optional<MobilitySession> session = lookup instanceof SessionLookup.Found f
                ? Optional.of(f.session())
                : lookup instanceof SessionLookup.HandoffUnknown u ? Optional.of(u.candidate()) : Optional.empty();
        if (session.isPresent()) {
            Optional<PbaDecision> order = MessageOrdering.checkAgainst(session.get(), pbu);
            if (order.isPresent()) {
                return new Answer(order.get());
            }
        }
        return pbu.isDeregistration()
                ? deregister(session, pbu, now)
                : session.map(s -> update(s, pbu, now)).orElseGet(() -> create(state, pbu, profile, now));
    }

    private Outcome deregister(Optional<MobilitySession> found, PbuRequest pbu, Instant now) {
        if (found.isEmpty()) {
            // RFC 5213 section 5.3.5: nothing to de-register; the MAG may drop its state.
            return new Answer(PbaDecision.accept(pbu, pbu.homeNetworkPrefixes(), 0, "no such binding"));
        }
        MobilitySession s = found.get();
        if (!s.servingMag().equals(pbu.servingMag())) {
            // RFC 5213 section 5.3.5: a de-registration from other than the serving MAG (a late one after a
            // handoff) MUST be ignored: no change, and no PBA.
            return new Answer(PbaDecision.ignore(pbu,
                    "de-registration from " + pbu.servingMag() + " ignored: serving MAG is " + s.servingMag()));
        }
        if (s.isDeregistered()) {
            return new Answer(PbaDecision.accept(pbu, s.homeNetworkPrefixes(), 0, "already de-registered"));
        }
        // RFC 5213 section 5.3.5: keep the entry MinDelayBeforeBCEDelete so a handoff can still find it.
        Instant deleteAt = now.plus(settings.minDelayBeforeBceDelete());
        BindingEvent event = new BindingEvent.Deregistered(pbu.mnId(), s.sessionKey(), now, s.servingMag(),
                s.homeNetworkPrefixes(), pbu.timestamp(), pbu.sequence(), deleteAt);
        return new Persist(event, PbaDecision.accept(pbu, s.homeNetworkPrefixes(), 0, "de-registered"));
    }

    private Outcome update(MobilitySession s, PbuRequest pbu, Instant now) {
        int lifetime = settings.grant(pbu.lifetimeSeconds());
        HandoffIndicator hi = pbu.handoffIndicator().orElseThrow();
        boolean moved = !s.servingMag().equals(pbu.servingMag())
                || s.accessTechnology() != pbu.accessTechnology().orElseThrow()
                || (pbu.linkLayerId().isPresent() && !pbu.linkLayerId().equals(s.linkLayerId()));
        BindingEvent event;
        if (moved) {
            // RFC 5213 section 5.3.4 (lifetime extension after handoff): the session, with its prefixes, now points at the new MAG.
            event = new BindingEvent.HandedOff(pbu.mnId(), s.sessionKey(), now, s.servingMag(), pbu.servingMag(),
                    pbu.lmaAddress(), s.homeNetworkPrefixes(), pbu.accessTechnology().orElseThrow(),
                    pbu.linkLayerId().or(s::linkLayerId), hi, pbu.timestamp(), pbu.sequence(), lifetime,
                    pbu.bulkGroupId());
        } else {
            // RFC 5213 section 5.3.3: binding lifetime extension from the serving MAG.
            event = new BindingEvent.Refreshed(pbu.mnId(), s.sessionKey(), now, s.servingMag(),
                    s.homeNetworkPrefixes(), hi, pbu.timestamp(), pbu.sequence(), lifetime, pbu.bulkGroupId());
        }
        return new Persist(event, PbaDecision.accept(pbu, s.homeNetworkPrefixes(), lifetime,
                moved ? "handed off from " + s.servingMag() : "lifetime extended"));
    }

    private Outcome create(BindingState state, PbuRequest pbu, MobileNodeProfile profile, Instant now) {
        int lifetime = settings.grant(pbu.lifetimeSeconds());
        String key = state.nextSessionKey();
        List<Ipv6Prefix> requested = pbu.specificPrefixes();
        List<Ipv6Prefix> inUse = state.all().stream().flatMap(s -> s.homeNetworkPrefixes().stream()).toList();
        if (profile.prefixes() instanceof PrefixAssignment.Static fixed) {
            List<Ipv6Prefix> free = fixed.prefixes().stream().filter(p -> !inUse.contains(p)).toList();
            if (!requested.isEmpty()) {
                // RFC 5213 section 5.3.2: the named prefixes must be ones the node is authorized for.
                if (!free.containsAll(requested)) {
                    return reject(pbu, BindingAckStatus.NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX,
                            "prefixes " + requested + " not authorized for " + pbu.mnId());
                }
                return new Persist(registered(pbu, key, requested, Optional.empty(), lifetime, now),
                        PbaDecision.accept(pbu, requested, lifetime, "registered"));
            }
            if (free.isEmpty()) {
                return reject(pbu, BindingAckStatus.INSUFFICIENT_RESOURCES,
                        "every static prefix of " + pbu.mnId() + " is used by another session");
            }
            return new Persist(registered(pbu, key, free, Optional.empty(), lifetime, now),
                    PbaDecision.accept(pbu, free, lifetime, "registered"));
        }
        if (!requested.isEmpty()) {
            // RFC 5213 section 5.3.2: a pool prefix is assigned by the LMA, not chosen by the MAG.
            return reject(pbu, BindingAckStatus.NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX,
                    "prefixes " + requested + " are not assigned to " + pbu.mnId());
        }
        String pool = ((PrefixAssignment.FromPool) profile.prefixes()).pool();
        return new NeedPoolPrefix(pool, key, holder(pbu.mnId(), key), lifetime);
    }

    /** RFC 5213 section 5.3.2: the new session's Registered fact. */
    static BindingEvent.Registered registered(PbuRequest pbu, String sessionKey, List<Ipv6Prefix> prefixes,
                                              Optional<String> pool, int lifetime, Instant now) {
        return new BindingEvent.Registered(pbu.mnId(), sessionKey, now, pbu.servingMag(), pbu.lmaAddress(), prefixes,
                pool, pbu.accessTechnology().orElseThrow(), pbu.linkLayerId(), pbu.handoffIndicator().orElseThrow(),
                pbu.timestamp(), pbu.sequence(), lifetime, pbu.bulkGroupId());
    }

    private static Answer reject(PbuRequest pbu, BindingAckStatus status, String detail) {
        return new Answer(PbaDecision.reject(pbu, status, detail));
    }
}
