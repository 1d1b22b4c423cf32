package io.pmip.lma;

import io.pmip.persistence.CborSerializable;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Facts about a mobile node's mobility sessions, journaled by {@link BindingEntity}. Every event
 * names the session, when it happened, the MAG and the prefixes, so that "what happened to this
 * mobile node at 10:32?" is answered from the journal alone.
 */
public sealed interface BindingEvent extends CborSerializable {
    String mnId();

    String sessionKey();

    Instant at();

    String servingMag();

    List<Ipv6Prefix> homeNetworkPrefixes();

    /** RFC 5213 section 5.3.2: a new mobility session was created. */
    record Registered(String mnId, String sessionKey, Instant at, String servingMag, String lmaAddress,
                      List<Ipv6Prefix> homeNetworkPrefixes, Optional<String> prefixPool,
                      AccessTechnologyType accessTechnology, Optional<String> linkLayerId,
                      HandoffIndicator handoffIndicator, Optional<PmipTimestamp> timestamp, int sequence,
                      int lifetimeSeconds, OptionalLong bulkGroupId) implements BindingEvent {
    }

    /** RFC 5213 section 5.3.3: the serving MAG extended the lifetime (re-registration). */
    record Refreshed(String mnId, String sessionKey, Instant at, String servingMag,
                     List<Ipv6Prefix> homeNetworkPrefixes, HandoffIndicator handoffIndicator,
                     Optional<PmipTimestamp> timestamp, int sequence, int lifetimeSeconds,
                     OptionalLong bulkGroupId) implements BindingEvent {
    }

    /** RFC 5213 sections 5.3.4 and 5.4.1: the session moved to another MAG or interface. */
    record HandedOff(String mnId, String sessionKey, Instant at, String previousMag, String servingMag,
                     String lmaAddress, List<Ipv6Prefix> homeNetworkPrefixes, AccessTechnologyType accessTechnology,
                     Optional<String> linkLayerId, HandoffIndicator handoffIndicator,
                     Optional<PmipTimestamp> timestamp, int sequence, int lifetimeSeconds,
                     OptionalLong bulkGroupId) implements BindingEvent {
    }

    /** RFC 5213 section 5.3.5: the serving MAG de-registered; the entry lives until {@code deleteAt}. */
    record Deregistered(String mnId, String sessionKey, Instant at, String servingMag,
                        List<Ipv6Prefix> homeNetworkPrefixes, Optional<PmipTimestamp> timestamp, int sequence,
                        Instant deleteAt) implements BindingEvent {
    }

    /** RFC 5213 section 5.3.3: the lifetime ran out with no refresh; the session is gone. */
    record Expired(String mnId, String sessionKey, Instant at, String servingMag,
                   List<Ipv6Prefix> homeNetworkPrefixes) implements BindingEvent {
    }

    /** The operator (or RFC 5846 revocation, later) ended the session; it is gone. */
    record Revoked(String mnId, String sessionKey, Instant at, String servingMag,
                   List<Ipv6Prefix> homeNetworkPrefixes, String reason) implements BindingEvent {
    }

    /** RFC 5213 section 5.3.5: MinDelayBeforeBCEDelete passed after de-registration; the entry is deleted. */
    record SessionDeleted(String mnId, String sessionKey, Instant at, String servingMag,
                          List<Ipv6Prefix> homeNetworkPrefixes) implements BindingEvent {
    }

    /** The prefix pool confirmed it took back the prefixes of an ended session. */
    record PrefixesReleased(String mnId, String sessionKey, Instant at, String servingMag,
                            List<Ipv6Prefix> homeNetworkPrefixes) implements BindingEvent {
    }

    /** True for the events after which the session no longer exists and its prefixes are free. */
    default boolean endsSession() {
        return this instanceof Expired || this instanceof Revoked || this instanceof SessionDeleted;
    }
}
