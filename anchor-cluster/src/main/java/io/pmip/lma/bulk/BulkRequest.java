package io.pmip.lma.bulk;

import io.pmip.lma.PmipTimestamp;
import io.pmip.persistence.CborSerializable;
import java.util.Objects;
import java.util.Optional;

/**
 * What the signaling ingress hands a group for one bulk Proxy Binding Update (B flag set, RFC
 * 6602 section 5.2): the group, and the fields that apply to every binding in it.
 *
 * @param group           the serving MAG and the Mobile Node Group Identifier option's value
 * @param lmaAddress      the LMA address the PBU was sent to
 * @param lifetimeSeconds requested lifetime; 0 = bulk de-registration
 * @param sequence        Sequence # (16 bits)
 * @param timestamp       Timestamp option, if present (RFC 5213 section 5.5)
 */
public record BulkRequest(GroupKey group, String lmaAddress, int lifetimeSeconds, int sequence,
                          Optional<PmipTimestamp> timestamp) implements CborSerializable {

    public BulkRequest {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(timestamp, "timestamp");
        if (sequence < 0 || sequence > 0xffff) {
            throw new IllegalArgumentException("sequence must be 16 bits: " + sequence);
        }
        if (lifetimeSeconds < 0) {
            throw new IllegalArgumentException("lifetime must not be negative: " + lifetimeSeconds);
        }
    }

    /** RFC 6602 section 4.2: a bulk PBU with lifetime zero de-registers every binding of the group. */
    public boolean isDeregistration() {
        return lifetimeSeconds == 0;
    }

    /** The name used in counters: {@code refresh} or {@code deregistration}. */
    public String kind() {
        return isDeregistration() ? "deregistration" : "refresh";
    }
}
