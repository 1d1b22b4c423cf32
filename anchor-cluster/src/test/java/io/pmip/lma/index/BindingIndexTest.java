package io.pmip.lma.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.lma.BindingEvent;
import io.pmip.lma.BindingState;
import io.pmip.lma.bulk.GroupKey;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The node-local index as binding entities feed it: each event with the entity's state after it
 * (computed here by {@link BindingState#apply}, as the entity's event handler does).
 */
class BindingIndexTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final List<Ipv6Prefix> HNP = List.of(Ipv6Prefix.parse("2001:db8:1::/64"));

    /** One node's entities: their states, and the index they write to. */
    private static final class Node {
        final BindingIndex index = new BindingIndex();
        final Map<String, BindingState> states = new HashMap<>();

        Node apply(BindingEvent event) {
            BindingState next = states.getOrDefault(event.mnId(), BindingState.EMPTY).apply(event);
            states.put(event.mnId(), next);
            index.applied(event, next.sessions());
            return this;
        }
    }

    private static BindingEvent.Registered registered(String mnId, String mag, String lmaAddress, String prefix,
            AccessTechnologyType att, OptionalLong group) {
        return new BindingEvent.Registered(mnId, "if-0", T0, mag, lmaAddress, List.of(Ipv6Prefix.parse(prefix)),
                Optional.of("default"), att, Optional.empty(), HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE,
                Optional.empty(), 1, 3600, group);
    }

    private static BindingEvent.Registered registered(String mnId, String mag, String prefix, AccessTechnologyType att) {
        return registered(mnId, mag, "10.0.0.1", prefix, att, OptionalLong.empty());
    }

    private static BindingEvent.HandedOff handedOff(String mnId, String from, String to, String lmaAddress, long group) {
        return new BindingEvent.HandedOff(mnId, "if-0", T0.plusSeconds(5), from, to, lmaAddress, HNP,
                AccessTechnologyType.IEEE_802_11, Optional.empty(), HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE,
                Optional.empty(), 2, 3600, group < 0 ? OptionalLong.empty() : OptionalLong.of(group));
    }

    /** mn00..mn(n-1): even ones at 10.0.0.2, odd ones at 10.0.0.3; the first three over E-UTRAN. */
    private static Node withNodes(int n) {
        Node node = new Node();
        for (int i = 0; i < n; i++) {
            node.apply(registered(String.format("mn%02d@lab", i), i % 2 == 0 ? "10.0.0.2" : "10.0.0.3",
                    "2001:db8:100:" + Integer.toHexString(i) + "::/64",
                    i < 3 ? AccessTechnologyType.E_UTRAN_3GPP : AccessTechnologyType.IEEE_802_11));
        }
        return node;
    }

    private static List<String> ids(BindingIndex.Page page) {
        return page.bindings().stream().map(BindingIndex.BindingRow::mnId).toList();
    }

    @Test
    void pagesByOffsetAndCursorAgree() {
        BindingIndex index = withNodes(7).index;
        BindingIndex.Page first = index.list(BindingIndex.Filter.ALL, 0, Optional.empty(), 3);
        assertEquals(7, first.total());
        assertEquals(List.of("mn00@lab", "mn01@lab", "mn02@lab"), ids(first));
        BindingIndex.Page second = index.list(BindingIndex.Filter.ALL, 0, first.nextAfter(), 3);
        BindingIndex.Page byOffset = index.list(BindingIndex.Filter.ALL, 3, Optional.empty(), 3);
        assertEquals(byOffset.bindings(), second.bindings());
        assertEquals(3, second.offset());
        BindingIndex.Page last = index.list(BindingIndex.Filter.ALL, 0, second.nextAfter(), 3);
        assertEquals(1, last.bindings().size());
        assertTrue(last.nextAfter().isEmpty(), "no cursor after the last page");
    }

    @Test
    void filtersByMagPrefixAndAccess() {
        BindingIndex index = withNodes(7).index;
        Optional<String> none = Optional.empty();
        assertEquals(4, index.list(new BindingIndex.Filter(Optional.of("10.0.0.2"), Optional.empty(), Optional.empty()),
                0, none, 100).total());
        assertEquals(3, index.list(new BindingIndex.Filter(Optional.empty(), Optional.empty(),
                Optional.of(AccessTechnologyType.E_UTRAN_3GPP)), 0, none, 100).total());
        assertEquals(1, index.list(new BindingIndex.Filter(Optional.empty(),
                Optional.of(Ipv6Prefix.parse("2001:db8:100:5::/64")), Optional.empty()), 0, none, 100).total());
        assertEquals(7, index.list(new BindingIndex.Filter(Optional.empty(),
                Optional.of(Ipv6Prefix.parse("2001:db8:100::/48")), Optional.empty()), 0, none, 100).total());
        // Filters combine: E-UTRAN at 10.0.0.3 is mn01 only.
        assertEquals(1, index.list(new BindingIndex.Filter(Optional.of("10.0.0.3"), Optional.empty(),
                Optional.of(AccessTechnologyType.E_UTRAN_3GPP)), 0, none, 100).total());
    }

    @Test
    void slicesOfSeveralNodesMergeIntoOnePageAndAMovingBindingIsListedOnce() {
        // Node A hosts mn00..mn04, node B mn05..mn09 and, for a moment, mn04 too (its entity moving over).
        Node a = new Node();
        Node b = new Node();
        for (int i = 0; i < 10; i++) {
            BindingEvent.Registered r = registered(String.format("mn%02d@lab", i), "10.0.0.2", "2001:db8:100:"
                    + Integer.toHexString(i) + "::/64", AccessTechnologyType.IEEE_802_11);
            (i < 5 ? a : b).apply(r);
            if (i == 4) {
                b.apply(r);
            }
        }
        BindingIndex.Filter all = BindingIndex.Filter.ALL;
        BindingIndex.Page byOffset = BindingIndex.page(List.of(a.index.slice(all, Optional.empty(), 7),
                b.index.slice(all, Optional.empty(), 7)), 3, Optional.empty(), 4, List.of());
        assertEquals(List.of("mn03@lab", "mn04@lab", "mn05@lab", "mn06@lab"), ids(byOffset));
        Optional<String> cursor = Optional.of("mn04@lab");
        BindingIndex.Page byCursor = BindingIndex.page(List.of(a.index.slice(all, cursor, 4),
                b.index.slice(all, cursor, 4)), 0, cursor, 4, List.of("pekko://lma@127.0.0.1:25522"));
        assertEquals(List.of("mn05@lab", "mn06@lab", "mn07@lab", "mn08@lab"), ids(byCursor));
        assertEquals(Optional.of("mn08@lab"), byCursor.nextAfter());
        assertEquals(List.of("pekko://lma@127.0.0.1:25522"), byCursor.unanswered());
    }

    @Test
    void aSessionFollowsItsHandoffAndLeavesWithItsEnd() {
        Node node = new Node();
        node.apply(registered("a@lab", "10.0.0.2", "2001:db8:1::/64", AccessTechnologyType.IEEE_802_11));
        node.apply(handedOff("a@lab", "10.0.0.2", "10.0.0.3", "10.0.0.1", -1));
        List<BindingIndex.MagRow> mags = node.index.mags();
        assertEquals(List.of("a@lab"), row(mags, "10.0.0.3").mobileNodes());
        assertEquals(List.of(), row(mags, "10.0.0.2").mobileNodes(), "the old MAG is still known");
        node.apply(new BindingEvent.Revoked("a@lab", "if-0", T0.plusSeconds(9), "10.0.0.3", HNP, "administrative"));
        assertEquals(0, node.index.bindingCount());
        assertEquals(T0.plusSeconds(9), row(node.index.mags(), "10.0.0.3").lastSeen());
        node.apply(new BindingEvent.PrefixesReleased("a@lab", "if-0", T0.plusSeconds(10), "10.0.0.3", HNP));
        assertEquals(0, node.index.sessionCount(), "releasing prefixes does not bring the session back");
    }

    @Test
    void anEntityThatStopsTakesItsSessionsAlongAndARecoveryBringsThemBack() {
        Node node = withNodes(3);
        node.index.released("mn01@lab");
        assertEquals(List.of("mn00@lab", "mn02@lab"), ids(node.index.list(BindingIndex.Filter.ALL, 0,
                Optional.empty(), 10)));
        node.index.hold("mn01@lab", node.states.get("mn01@lab").sessions());
        assertEquals(3, node.index.bindingCount());
        assertEquals(5, node.index.updates(), "3 events, a stop and a recovery");
    }

    @Test
    void theLatestRegistrationNamesTheLmaAddressAndHandoffsMoveIt() {
        Node node = new Node();
        node.apply(registered("a", "10.0.0.7", "127.0.0.1", "2001:db8:1::/64", AccessTechnologyType.IEEE_802_11,
                OptionalLong.empty()));
        assertEquals(Optional.of("127.0.0.1"), row(node.index.mags(), "10.0.0.7").lmaAddress());
        node.apply(registered("b", "10.0.0.7", "127.0.0.3", "2001:db8:2::/64", AccessTechnologyType.IEEE_802_11,
                OptionalLong.empty()));
        assertEquals(Optional.of("127.0.0.3"), row(node.index.mags(), "10.0.0.7").lmaAddress());
        node.apply(handedOff("a", "10.0.0.7", "10.0.0.8", "127.0.0.2", -1));
        assertEquals(Optional.of("127.0.0.2"), row(node.index.mags(), "10.0.0.8").lmaAddress());
    }

    @Test
    void magRowsOfSeveralNodesJoin() {
        Node a = new Node().apply(registered("a", "10.0.0.7", "127.0.0.1", "2001:db8:1::/64",
                AccessTechnologyType.IEEE_802_11, OptionalLong.empty()));
        Node b = new Node().apply(registered("b", "10.0.0.6", "127.0.0.1", "2001:db8:1::/64",
                AccessTechnologyType.IEEE_802_11, OptionalLong.empty()))
                .apply(handedOff("b", "10.0.0.6", "10.0.0.7", "127.0.0.3", -1));
        BindingIndex.MagRow joined = row(BindingIndex.mergeMags(List.of(a.index.mags(), b.index.mags())), "10.0.0.7");
        assertEquals(List.of("a", "b"), joined.mobileNodes());
        assertEquals(2, joined.sessions());
        assertEquals(T0.plusSeconds(5), joined.lastSeen());
        assertEquals(Optional.of("127.0.0.3"), joined.lmaAddress(), "the latest sighting's address");
    }

    @Test
    void bulkGroupMembersFollowRegistrationHandoffDeregistrationAndExpiry() {
        String mag1 = "10.0.0.2";
        String mag2 = "10.0.0.3";
        Node node = new Node();
        for (int i = 0; i < 4; i++) {
            node.apply(registered("mn" + i, mag1, "10.0.0.1", "2001:db8:100::/64", AccessTechnologyType.IEEE_802_11,
                    OptionalLong.of(i < 3 ? 7 : 8)));
        }
        assertEquals(Map.of(7L, 3, 8L, 1), node.index.bulkGroups(mag1));
        assertEquals(List.of("mn0", "mn1", "mn2"), node.index.groupMembers(new GroupKey(mag1, 7)));

        // mn0 moves to MAG2's group 9; mn1 is de-registered; mn3 expires; mn2 is refreshed in group 7.
        node.apply(handedOff("mn0", mag1, mag2, "10.0.0.1", 9));
        node.apply(new BindingEvent.Deregistered("mn1", "if-0", T0, mag1, HNP, Optional.empty(), 2,
                T0.plusSeconds(10)));
        node.apply(new BindingEvent.Expired("mn3", "if-0", T0, mag1, HNP));
        node.apply(new BindingEvent.Refreshed("mn2", "if-0", T0, mag1, HNP,
                HandoffIndicator.HANDOFF_STATE_NOT_CHANGED, Optional.empty(), 2, 3600, OptionalLong.of(7)));
        node.apply(new BindingEvent.PrefixesReleased("mn3", "if-0", T0, mag1, HNP));

        assertEquals(Map.of(7L, 1), node.index.bulkGroups(mag1));
        assertEquals(Map.of(9L, 1), node.index.bulkGroups(mag2));
        assertEquals(List.of("mn0"), node.index.groupMembers(new GroupKey(mag2, 9)));
        assertEquals(List.of("mn1", "mn2"), node.index.mobileNodesAt(mag1), "a de-registered session is still at its MAG");
    }

    private static BindingIndex.MagRow row(List<BindingIndex.MagRow> rows, String mag) {
        return rows.stream().filter(r -> r.mag().equals(mag)).findFirst().orElseThrow();
    }
}
