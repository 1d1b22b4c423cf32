package io.pmip.lma.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pmip.lma.BindingEvent;
import io.pmip.lma.redirect.NodeLoad;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The "assigned node" of a MAG in /api/mags: the node whose unicast LMA address the MAG last registered with. */
class MagAssignmentTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final List<NodeLoad> NODES = List.of(
            new NodeLoad("127.0.0.1:25520", "127.0.0.2", "", 10, 1.0, false, 0),
            new NodeLoad("127.0.0.1:25521", "127.0.0.3", "fd00::3", 12, 1.0, false, 0));

    private static BindingEvent.Registered registered(String mnId, String mag, String lmaAddress) {
        return new BindingEvent.Registered(mnId, "if-0", T0, mag, lmaAddress, List.of(Ipv6Prefix.parse("2001:db8:1::/64")),
                Optional.empty(), AccessTechnologyType.IEEE_802_11, Optional.empty(),
                HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE, Optional.empty(), 1, 3600, OptionalLong.empty());
    }

    @Test
    void theLatestRegistrationNamesTheLmaAddressAndHandoffsMoveIt() {
        BindingIndex index = new BindingIndex();
        index.apply("Binding|a", 1, registered("a", "10.0.0.7", "127.0.0.1"));
        assertEquals(Optional.of("127.0.0.1"), index.mag("10.0.0.7").orElseThrow().lmaAddress());
        index.apply("Binding|b", 1, registered("b", "10.0.0.7", "127.0.0.3"));
        assertEquals(Optional.of("127.0.0.3"), index.mag("10.0.0.7").orElseThrow().lmaAddress());
        index.apply("Binding|a", 2, new BindingEvent.HandedOff("a", "if-0", T0.plusSeconds(1), "10.0.0.7", "10.0.0.8",
                "127.0.0.2", List.of(Ipv6Prefix.parse("2001:db8:1::/64")), AccessTechnologyType.IEEE_802_11,
                Optional.empty(), HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE, Optional.empty(), 2, 3600,
                OptionalLong.empty()));
        assertEquals(Optional.of("127.0.0.2"), index.mag("10.0.0.8").orElseThrow().lmaAddress());
    }

    @Test
    void aUnicastAddressNamesItsNodeAndTheAnycastAddressNone() {
        assertEquals(Optional.of("127.0.0.1:25521"), MagsResource.assignedNode("127.0.0.3", NODES));
        assertEquals(Optional.of("127.0.0.1:25521"), MagsResource.assignedNode("fd00::3", NODES));
        assertEquals(Optional.of("127.0.0.1:25520"), MagsResource.assignedNode("127.0.0.2", NODES));
        assertEquals(Optional.empty(), MagsResource.assignedNode("127.0.0.1", NODES), "anycast: no assignment");
        assertEquals(Optional.empty(), MagsResource.assignedNode("127.0.0.3", List.of()), "node not heard from");
    }
}
