package io.pmip.mag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.BindingRevocationAcknowledgement;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.RevocationStatus;
import io.pmip.protocol.mh.RevocationTrigger;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.Timestamp;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BulkRefreshTest extends MagTestBase {
    private static final long GROUP = 1000;

    private MagFixture bulkMag(TestLma lma) throws Exception {
        return mag(lma, c -> c.withRequestedLifetime(Duration.ofSeconds(4)).withRefreshFraction(0.25)
                .withBulk(BulkRefreshConfig.groupsOf(3, GROUP)));
    }

    /** Attaches three nodes and checks each initial PBU names the group (RFC 6602 section 4.1). */
    private void attachThree(TestLma lma, MagFixture mag) throws Exception {
        for (int i = 1; i <= 3; i++) {
            mag.tell(MagCommand.Attach.newAttachment("mn" + i + "@example.org", mac(i), AccessTechnologyType.IEEE_802_3));
            ProxyBindingUpdate pbu = lma.nextPbu(WAIT).as(ProxyBindingUpdate.class);
            assertEquals(MobileNodeGroupIdentifier.bulkBindingUpdateGroup(GROUP),
                    pbu.option(MobileNodeGroupIdentifier.class).orElseThrow());
            mag.expect(MagEvent.Registered.class, WAIT);
        }
        assertTrue(mag.bindingUpdateList().values().stream().allMatch(e -> e.groupConfirmed()));
    }

    @Test
    void oneBulkPbuRefreshesTheWholeGroup() throws Exception {
        try (TestLma lma = TestLma.open(); MagFixture mag = bulkMag(lma)) {
            attachThree(lma, mag);

            ProxyBindingUpdate bulk = lma.nextPbu(WAIT).as(ProxyBindingUpdate.class);
            assertTrue(bulk.bulkBindingUpdate());
            assertTrue(bulk.acknowledge() && bulk.proxyRegistration());
            assertEquals(1, bulk.lifetime());
            // RFC 6602 section 4.2: the group and a timestamp, no per-mobile-node option.
            assertEquals(List.of(MobileNodeGroupIdentifier.bulkBindingUpdateGroup(GROUP), Timestamp.of(MagFixture.NOW)),
                    bulk.options());
            MagEvent.BulkRefreshed refreshed = mag.expect(MagEvent.BulkRefreshed.class, WAIT);
            assertEquals(GROUP, refreshed.groupIdentifier());
            assertEquals(3, refreshed.members());
            assertEquals(Duration.ofSeconds(4), refreshed.lifetime());

            // The next refresh is again one bulk PBU, never per-node ones.
            List<TestLma.Received> next = lma.pbusWithin(Duration.ofMillis(1500));
            assertTrue(!next.isEmpty(), "the group is refreshed again");
            assertTrue(next.stream().allMatch(r -> r.as(ProxyBindingUpdate.class).bulkBindingUpdate()), next.toString());
        }
    }

    @Test
    void invalidGroupIdentifierFallsBackToPerNodeRefreshes() throws Exception {
        try (TestLma lma = TestLma.open(); MagFixture mag = bulkMag(lma)) {
            attachThree(lma, mag);
            lma.bulkStatus = BindingAckStatus.INVALID_MOBILE_NODE_GROUP_IDENTIFIER.code();

            assertTrue(lma.nextPbu(WAIT).as(ProxyBindingUpdate.class).bulkBindingUpdate());
            MagEvent.BulkFallback fallback = mag.expect(MagEvent.BulkFallback.class, WAIT);
            assertEquals(175, fallback.statusCode());
            Set<String> refreshed = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                ProxyBindingUpdate pbu = lma.nextPbu(WAIT).as(ProxyBindingUpdate.class);
                assertTrue(!pbu.bulkBindingUpdate());
                assertTrue(pbu.option(MobileNodeGroupIdentifier.class).isEmpty(), "the refused group is dropped");
                assertEquals(HandoffIndicator.HANDOFF_STATE_NOT_CHANGED,
                        pbu.option(HandoffIndicatorOption.class).orElseThrow().handoffIndicator().orElseThrow());
                refreshed.add(pbu.option(MobileNodeIdentifier.class).orElseThrow().naiText().orElseThrow());
            }
            assertEquals(Set.of("mn1@example.org", "mn2@example.org", "mn3@example.org"), refreshed);
            for (int i = 0; i < 3; i++) {
                assertEquals(PbuKind.REFRESH, mag.expect(MagEvent.Registered.class, WAIT).kind());
            }
        }
    }

    @Test
    void detachGroupDeregistersEveryMemberWithOneBulkPbu() throws Exception {
        try (TestLma lma = TestLma.open();
                MagFixture mag = mag(lma, c -> c.withBulk(BulkRefreshConfig.groupsOf(3, GROUP)))) {
            attachThree(lma, mag);
            mag.tell(new MagCommand.DetachGroup(GROUP));

            ProxyBindingUpdate bulk = lma.nextPbu(WAIT).as(ProxyBindingUpdate.class);
            assertTrue(bulk.bulkBindingUpdate());
            assertEquals(0, bulk.lifetime());
            for (int i = 0; i < 3; i++) {
                mag.expect(MagEvent.Deregistered.class, WAIT);
            }
            assertTrue(mag.bindingUpdateList().isEmpty());
            assertTrue(lma.pbusWithin(Duration.ofMillis(200)).isEmpty(), "one PBU for the whole group");
        }
    }

    @Test
    void aFourthNodeOpensTheNextGroup() throws Exception {
        try (TestLma lma = TestLma.open();
                MagFixture mag = mag(lma, c -> c.withBulk(BulkRefreshConfig.groupsOf(3, GROUP)))) {
            attachThree(lma, mag);
            assertEquals(MobileNodeGroupIdentifier.bulkBindingUpdateGroup(GROUP + 1),
                    attachFourth(lma, mag).option(MobileNodeGroupIdentifier.class).orElseThrow());
        }
    }

    private static ProxyBindingUpdate attachFourth(TestLma lma, MagFixture mag) throws InterruptedException {
        mag.tell(MagCommand.Attach.newAttachment("mn4@example.org", mac(4), AccessTechnologyType.IEEE_802_3));
        return lma.nextPbu(WAIT).as(ProxyBindingUpdate.class);
    }

    @Test
    void aGroupScopedRevocationRemovesThatGroupOnlyAndIsAcknowledgedWithTheGroup() throws Exception {
        try (TestLma lma = TestLma.open();
                MagFixture mag = mag(lma, c -> c.withBulk(BulkRefreshConfig.groupsOf(3, GROUP)))) {
            attachThree(lma, mag);
            attachFourth(lma, mag);
            mag.expect(MagEvent.Registered.class, WAIT);

            MobileNodeGroupIdentifier group = MobileNodeGroupIdentifier.bulkBindingUpdateGroup(GROUP);
            BindingRevocationAcknowledgement bra = revokeGroup(lma, mag, 9);
            Set<String> revoked = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                revoked.add(mag.expect(MagEvent.Revoked.class, WAIT).mobileNodeIdentifier());
            }
            assertEquals(Set.of("mn1@example.org", "mn2@example.org", "mn3@example.org"), revoked);
            assertEquals(9, bra.sequence());
            assertEquals(RevocationStatus.SUCCESS.code(), bra.statusCode());
            assertTrue(bra.proxyBinding() && !bra.global());
            assertEquals(List.of(group), bra.options(), "the group is echoed");
            assertEquals(Set.of("mn4@example.org"), mag.bindingUpdateList().keySet(), "the next group stays");

            BindingRevocationAcknowledgement again = revokeGroup(lma, mag, 10);
            assertEquals(RevocationStatus.BINDING_DOES_NOT_EXIST.code(), again.statusCode());
            assertEquals(10, again.sequence());
        }
    }

    /** RFC 6602 group scope: P set, G clear (G would be every binding of the MAG), the group named. */
    private static BindingRevocationAcknowledgement revokeGroup(TestLma lma, MagFixture mag, int sequence)
            throws Exception {
        lma.send(BindingRevocationIndication.of(RevocationTrigger.ADMINISTRATIVE_REASON, sequence, true, false,
                List.of(MobileNodeGroupIdentifier.bulkBindingUpdateGroup(GROUP))), mag.node.transport().localAddress(),
                mag.node.transport().localPort());
        return lma.next(BindingRevocationAcknowledgement.class, WAIT).as(BindingRevocationAcknowledgement.class);
    }
}
