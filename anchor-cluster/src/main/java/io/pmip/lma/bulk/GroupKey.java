package io.pmip.lma.bulk;

import io.pmip.lma.Addresses;
import io.pmip.lma.MobilitySession;
import io.pmip.persistence.CborSerializable;
import java.util.Optional;

/**
 * One bulk binding update group: a Mobile Node Group Identifier is chosen by the MAG, so it only
 * names a group together with that MAG's Proxy-CoA (RFC 6602 section 3.1).
 *
 * @param servingMag     the MAG's Proxy-CoA, canonical
 * @param groupIdentifier the Mobile Node Group Identifier (32 bits)
 */
public record GroupKey(String servingMag, long groupIdentifier) implements CborSerializable {
    /** Between the MAG and the group in an entity id; neither an IPv4 nor an IPv6 literal contains it. */
    private static final char SEPARATOR = '#';

    public GroupKey {
        servingMag = Addresses.canonical(servingMag);
        if (groupIdentifier < 0 || groupIdentifier > 0xffffffffL) {
            throw new IllegalArgumentException("Mobile Node Group Identifier must be 32 bits: " + groupIdentifier);
        }
    }

    /** The group a session is refreshed with; none once it is de-registered (RFC 5213 section 5.3.5). */
    public static Optional<GroupKey> of(MobilitySession session) {
        if (session.isDeregistered() || session.bulkGroupId().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GroupKey(session.servingMag(), session.bulkGroupId().getAsLong()));
    }

    /** The sharding entity id, e.g. {@code 192.0.2.1#7}. */
    public String entityId() {
        return servingMag + SEPARATOR + groupIdentifier;
    }

    public static GroupKey fromEntityId(String entityId) {
        int at = entityId.lastIndexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("not a bulk group entity id: " + entityId);
        }
        return new GroupKey(entityId.substring(0, at), Long.parseLong(entityId.substring(at + 1)));
    }
}
