package io.pmip.lma.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.lma.BindingEvent;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BindingIndexTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static BindingEvent.Registered registered(String mnId, String mag, String prefix, AccessTechnologyType att) {
        return new BindingEvent.Registered(mnId, "if-0", T0, mag, "10.0.0.1", List.of(Ipv6Prefix.parse(prefix)),
                Optional.of("default"), att, Optional.empty(), HandoffIndicator.values()[0], Optional.empty(), 1, 3600,
                OptionalLong.empty());
    }

    private static BindingIndex withNodes(int n) {
        BindingIndex index = new BindingIndex();
        for (int i = 0; i < n; i++) {
            String mnId = String.format("mn%02d@lab", i);
            index.apply("Binding|" + mnId, 1, registered(mnId, i % 2 == 0 ? "10.0.0.2" : "10.0.0.3",
                    "2001:db8:100:" + Integer.toHexString(i) + "::/64",
                    i < 3 ? AccessTechnologyType.E_UTRAN_3GPP : AccessTechnologyType.IEEE_802_11));
        }
        return index;
    }

    @Test
    void pagesByOffsetAndCursorAgree() {
        BindingIndex index = withNodes(7);
        BindingIndex.Page first = index.list(BindingIndex.Filter.ALL, 0, Optional.empty(), 3);
        assertEquals(7, first.total());
        assertEquals(List.of("mn00@lab", "mn01@lab", "mn02@lab"), first.bindings().stream()
                .map(BindingIndex.BindingRow::mnId).toList());
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
        BindingIndex index = withNodes(7);
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
    void sessionLifecycleAndRereadEvents() {
        BindingIndex index = new BindingIndex();
        String pid = "Binding|a@lab";
        BindingEvent.Registered r = registered("a@lab", "10.0.0.2", "2001:db8:1::/64", AccessTechnologyType.IEEE_802_11);
        assertTrue(index.apply(pid, 1, r));
        assertFalse(index.apply(pid, 1, r), "an event read again is skipped");
        index.apply(pid, 2, new BindingEvent.HandedOff("a@lab", "if-0", T0.plusSeconds(5), "10.0.0.2", "10.0.0.3",
                "10.0.0.1", r.homeNetworkPrefixes(), AccessTechnologyType.IEEE_802_11, Optional.empty(),
                HandoffIndicator.values()[0], Optional.empty(), 2, 3600, OptionalLong.empty()));
        assertEquals(List.of("a@lab"), index.mag("10.0.0.3").orElseThrow().mobileNodes());
        assertEquals(List.of(), index.mag("10.0.0.2").orElseThrow().mobileNodes(), "the old MAG is still known");
        index.apply(pid, 3, new BindingEvent.Revoked("a@lab", "if-0", T0.plusSeconds(9), "10.0.0.3",
                r.homeNetworkPrefixes(), "administrative"));
        assertEquals(0, index.bindingCount());
        assertEquals(T0.plusSeconds(9), index.mag("10.0.0.3").orElseThrow().lastSeen());
        index.apply(pid, 4, new BindingEvent.PrefixesReleased("a@lab", "if-0", T0.plusSeconds(10), "10.0.0.3",
                r.homeNetworkPrefixes()));
        assertEquals(0, index.sessionCount(), "releasing prefixes does not bring the session back");
    }
}
