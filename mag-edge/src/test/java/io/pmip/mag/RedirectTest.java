package io.pmip.mag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.BindingRevocationAcknowledgement;
import io.pmip.protocol.mh.BindingRevocationIndication;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.RevocationTrigger;
import io.pmip.protocol.mh.option.RedirectCapability;
import io.pmip.protocol.transport.TransportConfig;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * RFC 6463 at the MAG, against two real LMA peers: the "anycast" one on 127.0.0.1 that redirects,
 * and the assigned one on 127.0.0.3, on the same port (RFC 5844 has one PMIP port).
 */
class RedirectTest extends MagTestBase {
    private static final Inet4Address ASSIGNED = address("127.0.0.3");
    private static final UnaryOperator<MagConfig> CAPABLE = c -> c.withRedirectCapability(true);

    private static TestLma assigned(TestLma anycast) throws Exception {
        return TestLma.open(TransportConfig.udpIpv4(ASSIGNED, anycast.port()));
    }

    private static boolean offersRedirect(TestLma.Received r) {
        return r.as(ProxyBindingUpdate.class).option(RedirectCapability.class).isPresent();
    }

    @Test
    void aCapableMagOffersRedirectAndThenSignalsTheNamedLma() throws Exception {
        try (TestLma anycast = TestLma.open(); TestLma target = assigned(anycast); MagFixture mag = mag(anycast, CAPABLE)) {
            anycast.redirectTo = ASSIGNED;
            mag.tell(MagCommand.Attach.newAttachment("a@example.org", mac(1), AccessTechnologyType.IEEE_802_11));
            assertTrue(offersRedirect(anycast.nextPbu(WAIT)), "RFC 6463 4.1: Redirect-Capability in the initial PBU");
            MagEvent.Redirected redirected = mag.expect(MagEvent.Redirected.class, WAIT);
            assertEquals(ASSIGNED, redirected.to());
            mag.expect(MagEvent.Registered.class, WAIT);
            assertEquals(ASSIGNED, mag.bindingUpdateList().get("a@example.org").lmaAddress());

            mag.tell(MagCommand.Attach.newAttachment("b@example.org", mac(2), AccessTechnologyType.IEEE_802_11));
            TestLma.Received second = target.nextPbu(WAIT);
            assertFalse(offersRedirect(second), "no Redirect-Capability to the assigned (not the anycast) LMA");
            mag.expect(MagEvent.Registered.class, WAIT);
            mag.tell(new MagCommand.Detach("a@example.org"));
            assertEquals(0, target.nextPbu(WAIT).as(ProxyBindingUpdate.class).lifetime(),
                    "the de-registration also goes to the assigned LMA");
        }
    }

    @Test
    void aRedirectWithARejectionSendsTheSameRegistrationToTheNamedLma() throws Exception {
        try (TestLma anycast = TestLma.open(); TestLma target = assigned(anycast); MagFixture mag = mag(anycast, CAPABLE)) {
            anycast.redirectTo = ASSIGNED;
            anycast.registrationStatus = BindingAckStatus.NOT_LMA_FOR_THIS_MOBILE_NODE.code();
            mag.tell(MagCommand.Attach.newAttachment("a@example.org", mac(1), AccessTechnologyType.IEEE_802_11));
            anycast.nextPbu(WAIT);
            mag.expect(MagEvent.Redirected.class, WAIT);
            TestLma.Received again = target.nextPbu(WAIT);
            assertEquals("a@example.org", again.as(ProxyBindingUpdate.class)
                    .option(io.pmip.protocol.mh.option.MobileNodeIdentifier.class).orElseThrow().naiText().orElseThrow());
            MagEvent.Registered registered = mag.expect(MagEvent.Registered.class, WAIT);
            assertEquals(PbuKind.INITIAL, registered.kind());
        }
    }

    @Test
    void aMagWithoutTheCapabilityIsNeverRedirected() throws Exception {
        try (TestLma anycast = TestLma.open(); TestLma target = assigned(anycast); MagFixture mag = mag(anycast)) {
            anycast.redirectTo = ASSIGNED;
            mag.tell(MagCommand.Attach.newAttachment("a@example.org", mac(1), AccessTechnologyType.IEEE_802_11));
            assertFalse(offersRedirect(anycast.nextPbu(WAIT)));
            mag.expect(MagEvent.Registered.class, WAIT);
            mag.tell(MagCommand.Attach.newAttachment("b@example.org", mac(2), AccessTechnologyType.IEEE_802_11));
            anycast.nextPbu(WAIT);
            mag.expect(MagEvent.Registered.class, WAIT);
            assertTrue(target.pbusWithin(Duration.ofMillis(200)).isEmpty());
        }
    }

    @Test
    void exhaustedRetransmissionsToTheAssignedLmaFallBackToTheAnycastAddress() throws Exception {
        UnaryOperator<MagConfig> fast = c -> CAPABLE.apply(c).withBindackTimeouts(Duration.ofMillis(50),
                Duration.ofMillis(50), Duration.ofMillis(200));
        try (TestLma anycast = TestLma.open(); TestLma target = assigned(anycast); MagFixture mag = mag(anycast, fast)) {
            redirectOnce(anycast, mag);
            target.dropPbus.set(Integer.MAX_VALUE);
            mag.tell(MagCommand.Attach.newAttachment("b@example.org", mac(2), AccessTechnologyType.IEEE_802_11));
            MagEvent.FellBack fellBack = mag.expect(MagEvent.FellBack.class, WAIT);
            assertEquals(ASSIGNED, fellBack.from());
            assertEquals(anycast.address(), fellBack.to());
            assertEquals("retransmissions exhausted", fellBack.reason());
            // The registration is sent again, to the anycast address, as an initial PBU offering redirect.
            TestLma.Received retried = anycast.nextPbu(WAIT);
            assertTrue(offersRedirect(retried));
            mag.expect(MagEvent.Registered.class, WAIT);
        }
    }

    @Test
    void aDownHeartbeatPathToTheAssignedLmaFallsBackToTheAnycastAddress() throws Exception {
        UnaryOperator<MagConfig> beating = c -> CAPABLE.apply(c)
                .withHeartbeat(HeartbeatConfig.every(Duration.ofMillis(100), 2));
        try (TestLma anycast = TestLma.open(); TestLma target = assigned(anycast); MagFixture mag = mag(anycast, beating)) {
            redirectOnce(anycast, mag);
            target.next(Heartbeat.class, WAIT); // heartbeats follow the assignment
            target.answerHeartbeats = false;
            MagEvent.FellBack fellBack = mag.expect(MagEvent.FellBack.class, WAIT);
            assertEquals("heartbeat down", fellBack.reason());
            anycast.next(Heartbeat.class, WAIT);
            // Back UP through the anycast address: bindings are registered there again (what a MAG does about a failed path is its own choice, RFC 5847 section 3.1).
            assertEquals(PbuKind.REESTABLISH, mag.expect(MagEvent.Registered.class, WAIT).kind());
        }
    }

    @Test
    void aGlobalRevocationFromTheAssignedLmaEndsTheAssignment() throws Exception {
        try (TestLma anycast = TestLma.open(); TestLma target = assigned(anycast); MagFixture mag = mag(anycast, CAPABLE)) {
            redirectOnce(anycast, mag);
            mag.tell(MagCommand.Attach.newAttachment("b@example.org", mac(2), AccessTechnologyType.IEEE_802_11));
            TestLma.Received second = target.nextPbu(WAIT);
            mag.expect(MagEvent.Registered.class, WAIT);
            target.send(BindingRevocationIndication.of(RevocationTrigger.PER_PEER_POLICY, 7, true, true, List.of()),
                    second.datagram().source(), second.datagram().sourcePort());
            assertEquals(7, target.next(BindingRevocationAcknowledgement.class, WAIT)
                    .as(BindingRevocationAcknowledgement.class).sequence());
            assertEquals("global revocation", mag.expect(MagEvent.FellBack.class, WAIT).reason());
            assertTrue(mag.bindingUpdateList().isEmpty(), "RFC 5846: every binding of the MAG is gone");
            mag.tell(MagCommand.Attach.newAttachment("c@example.org", mac(3), AccessTechnologyType.IEEE_802_11));
            assertTrue(offersRedirect(anycast.nextPbu(WAIT)), "a new registration goes to the anycast address");
        }
    }

    /** Registers one node through the anycast peer, which redirects the MAG to {@link #ASSIGNED}. */
    private static void redirectOnce(TestLma anycast, MagFixture mag) throws Exception {
        anycast.redirectTo = ASSIGNED;
        mag.tell(MagCommand.Attach.newAttachment("a@example.org", mac(1), AccessTechnologyType.IEEE_802_11));
        anycast.nextPbu(WAIT);
        mag.expect(MagEvent.Redirected.class, WAIT);
        mag.expect(MagEvent.Registered.class, WAIT);
    }

    private static Inet4Address address(String literal) {
        try {
            return (Inet4Address) InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
