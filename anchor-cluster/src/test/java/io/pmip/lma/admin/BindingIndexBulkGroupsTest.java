package io.pmip.lma.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pmip.lma.BindingEvent;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The read side counts each MAG's RFC 6602 group members from the binding events alone. */
class BindingIndexBulkGroupsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final String MAG1 = "10.0.0.2";
    private static final String MAG2 = "10.0.0.3";
    private static final List<Ipv6Prefix> HNP = List.of(Ipv6Prefix.parse("2001:db8:100::/64"));

    private static BindingEvent.Registered registered(String mnId, String mag, long group) {
        return new BindingEvent.Registered(mnId, "if-0", T0, mag, "10.0.0.1", HNP, Optional.of("default"),
                AccessTechnologyType.IEEE_802_11, Optional.empty(), HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE,
                Optional.empty(), 1, 3600, OptionalLong.of(group));
    }

    @Test
    void membersFollowRegistrationHandoffDeregistrationAndExpiry() {
        BindingIndex index = new BindingIndex();
        for (int i = 0; i < 4; i++) {
            index.apply("Binding|mn" + i, 1, registered("mn" + i, MAG1, i < 3 ? 7 : 8));
        }
        assertEquals(Map.of(7L, 3, 8L, 1), index.bulkGroups(MAG1));

        // mn0 moves to MAG2's group 9; mn1 is de-registered; mn3 expires; mn2 is refreshed in group 7.
        index.apply("Binding|mn0", 2, new BindingEvent.HandedOff("mn0", "if-0", T0, MAG1, MAG2, "10.0.0.1", HNP,
                AccessTechnologyType.IEEE_802_11, Optional.empty(), HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE,
                Optional.empty(), 2, 3600, OptionalLong.of(9)));
        index.apply("Binding|mn1", 2, new BindingEvent.Deregistered("mn1", "if-0", T0, MAG1, HNP, Optional.empty(), 2,
                T0.plusSeconds(10)));
        index.apply("Binding|mn3", 2, new BindingEvent.Expired("mn3", "if-0", T0, MAG1, HNP));
        index.apply("Binding|mn2", 2, new BindingEvent.Refreshed("mn2", "if-0", T0, MAG1, HNP,
                HandoffIndicator.HANDOFF_STATE_NOT_CHANGED, Optional.empty(), 2, 3600, OptionalLong.of(7)));
        index.apply("Binding|mn3", 3, new BindingEvent.PrefixesReleased("mn3", "if-0", T0, MAG1, HNP));

        assertEquals(Map.of(7L, 1), index.bulkGroups(MAG1));
        assertEquals(Map.of(9L, 1), index.bulkGroups(MAG2));
    }
}
