package io.pmip.mag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingRevocationAcknowledgement;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.RevocationStatus;
import io.pmip.protocol.mh.RevocationTrigger;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffAndRevocationTest extends MagTestBase {
    private static final String MN = "roamer@example.org";

    @Test
    void handoffRegistersTheOldPrefixWithHi3AndTheLmaRevokesTheOldMag() throws Exception {
        try (TestLma lma = TestLma.open();
                MagFixture oldMag = mag(lma);
                MagFixture newMag = MagFixture.start(kit, lma, "127.0.0.2", c -> c)) {
            oldMag.tell(MagCommand.Attach.newAttachment(MN, MAC, AccessTechnologyType.IEEE_802_11));
            TestLma.Received first = lma.nextPbu(WAIT);
            oldMag.expect(MagEvent.Registered.class, WAIT);
            Ipv6Prefix prefix = lma.prefixOf(MN);

            newMag.tell(MagCommand.Attach.handoff(MN, MAC, AccessTechnologyType.IEEE_802_11, List.of(prefix)));
            TestLma.Received handoff = lma.nextPbu(WAIT);
            assertEquals(InetAddress.getByName("127.0.0.2"), handoff.datagram().source());
            ProxyBindingUpdate pbu = handoff.as(ProxyBindingUpdate.class);
            assertEquals(HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE,
                    pbu.option(HandoffIndicatorOption.class).orElseThrow().handoffIndicator().orElseThrow());
            assertEquals(List.of(new HomeNetworkPrefixOption(prefix)), pbu.optionsOf(HomeNetworkPrefixOption.class));
            MagEvent.HandoffCompleted done = newMag.expect(MagEvent.HandoffCompleted.class, WAIT);
            assertEquals(MN, done.mobileNodeIdentifier());
            assertFalse(done.latency().isNegative());
            assertEquals(List.of(prefix), newMag.bindingUpdateList().get(MN).homeNetworkPrefixes());

            // RFC 5846: the LMA tells the previous MAG its binding moved.
            lma.send(BindingRevocationIndication.of(RevocationTrigger.INTER_MAG_HANDOVER_SAME_ACCESS_TYPE, 4242, true,
                    false, List.of(MobileNodeIdentifier.nai(MN))), first.datagram().source(), first.datagram().sourcePort());
            MagEvent.Revoked revoked = oldMag.expect(MagEvent.Revoked.class, WAIT);
            assertEquals(RevocationTrigger.INTER_MAG_HANDOVER_SAME_ACCESS_TYPE.code(), revoked.revocationTriggerCode());
            BindingRevocationAcknowledgement bra = lma.next(BindingRevocationAcknowledgement.class, WAIT)
                    .as(BindingRevocationAcknowledgement.class);
            assertEquals(4242, bra.sequence());
            assertEquals(RevocationStatus.SUCCESS.code(), bra.statusCode());
            assertTrue(bra.proxyBinding());
            assertEquals(MN, bra.option(MobileNodeIdentifier.class).orElseThrow().naiText().orElseThrow());
            assertTrue(oldMag.bindingUpdateList().isEmpty());
            assertTrue(newMag.bindingUpdateList().containsKey(MN), "the new MAG keeps its binding");
        }
    }

    @Test
    void handoffBackToAMagThatStillHoldsTheNodeRegistersAgainWithHi3() throws Exception {
        try (TestLma lma = TestLma.open(); MagFixture mag = mag(lma)) {
            mag.tell(MagCommand.Attach.newAttachment(MN, MAC, AccessTechnologyType.IEEE_802_11));
            lma.nextPbu(WAIT);
            mag.expect(MagEvent.Registered.class, WAIT);
            Ipv6Prefix prefix = lma.prefixOf(MN);

            mag.tell(MagCommand.Attach.handoff(MN, MAC, AccessTechnologyType.IEEE_802_11, List.of(prefix)));
            ProxyBindingUpdate pbu = lma.nextPbu(WAIT).as(ProxyBindingUpdate.class);
            assertEquals(HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE,
                    pbu.option(HandoffIndicatorOption.class).orElseThrow().handoffIndicator().orElseThrow());
            assertEquals(List.of(new HomeNetworkPrefixOption(prefix)), pbu.optionsOf(HomeNetworkPrefixOption.class));
            mag.expect(MagEvent.HandoffCompleted.class, WAIT);

            // A plain re-attach of a registered node is a duplicate link-up: nothing is sent.
            mag.tell(MagCommand.Attach.newAttachment(MN, MAC, AccessTechnologyType.IEEE_802_11));
            assertTrue(lma.pbusWithin(Duration.ofMillis(300)).isEmpty());
        }
    }

    @Test
    void revocationOfAnUnknownNodeIsAnsweredBindingDoesNotExist() throws Exception {
        try (TestLma lma = TestLma.open(); MagFixture mag = mag(lma)) {
            lma.send(BindingRevocationIndication.of(RevocationTrigger.ADMINISTRATIVE_REASON, 7, true, false,
                    List.of(MobileNodeIdentifier.nai("nobody@example.org"))), mag.node.transport().localAddress(),
                    mag.node.transport().localPort());
            BindingRevocationAcknowledgement bra = lma.next(BindingRevocationAcknowledgement.class, WAIT)
                    .as(BindingRevocationAcknowledgement.class);
            assertEquals(RevocationStatus.BINDING_DOES_NOT_EXIST.code(), bra.statusCode());
            assertEquals(7, bra.sequence());
        }
    }

    @Test
    void globalRevocationRemovesEveryEntry() throws Exception {
        try (TestLma lma = TestLma.open(); MagFixture mag = mag(lma)) {
            for (int i = 1; i <= 3; i++) {
                mag.tell(MagCommand.Attach.newAttachment("mn" + i + "@example.org", mac(i), AccessTechnologyType.IEEE_802_3));
                mag.expect(MagEvent.Registered.class, WAIT);
            }
            lma.send(BindingRevocationIndication.of(RevocationTrigger.PER_PEER_POLICY, 8, true, true, List.of()),
                    mag.node.transport().localAddress(), mag.node.transport().localPort());
            for (int i = 0; i < 3; i++) {
                mag.expect(MagEvent.Revoked.class, WAIT);
            }
            BindingRevocationAcknowledgement bra = lma.next(BindingRevocationAcknowledgement.class, WAIT)
                    .as(BindingRevocationAcknowledgement.class);
            assertEquals(RevocationStatus.SUCCESS.code(), bra.statusCode());
            assertTrue(bra.global());
            assertTrue(mag.bindingUpdateList().isEmpty());
        }
    }
}
