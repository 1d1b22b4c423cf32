package io.pmip.lma.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pmip.lma.redirect.NodeLoad;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The "assigned node" of a MAG in /api/mags: the node whose unicast LMA address the MAG last registered with. */
class MagAssignmentTest {
    private static final List<NodeLoad> NODES = List.of(
            new NodeLoad("127.0.0.1:25520", "127.0.0.2", "", 10, 1.0, false, 0),
            new NodeLoad("127.0.0.1:25521", "127.0.0.3", "fd00::3", 12, 1.0, false, 0));

    @Test
    void aUnicastAddressNamesItsNodeAndTheAnycastAddressNone() {
        assertEquals(Optional.of("127.0.0.1:25521"), MagsResource.assignedNode("127.0.0.3", NODES));
        assertEquals(Optional.of("127.0.0.1:25521"), MagsResource.assignedNode("fd00::3", NODES));
        assertEquals(Optional.of("127.0.0.1:25520"), MagsResource.assignedNode("127.0.0.2", NODES));
        assertEquals(Optional.empty(), MagsResource.assignedNode("127.0.0.1", NODES), "anycast: no assignment");
        assertEquals(Optional.empty(), MagsResource.assignedNode("127.0.0.3", List.of()), "node not heard from");
    }
}
