package io.pmip.lma;

import static io.pmip.lma.Pbus.MAG1;
import static io.pmip.lma.Pbus.MAG2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.lma.index.BindingIndex;
import io.pmip.lma.index.HostedBindings;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.HandoffIndicator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BindingEntityTest {
    private static final AtomicInteger IDS = new AtomicInteger();

    private EntityFixture fx;

    @BeforeAll
    void start() {
        fx = EntityFixture.start("binding-entity-test");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private EventSourcedBehaviorTestKit<BindingEntity.Command, BindingEvent, BindingState> entity(String mnId) {
        return EventSourcedBehaviorTestKit.create(fx.kit().system(),
                BindingEntity.create(mnId, fx.policy(), fx.settings(), fx.pools().pools(), fx.clock(), Optional.empty()));
    }

    private static String mn(String realm) {
        return "mn" + IDS.incrementAndGet() + "@" + realm;
    }

    private static CommandResultWithReply<BindingEntity.Command, BindingEvent, BindingState, PbaDecision> pbu(
            EventSourcedBehaviorTestKit<BindingEntity.Command, BindingEvent, BindingState> e, Pbus pbu) {
        return e.runCommand(r -> new BindingEntity.HandleProxyBindingUpdate(pbu.request(), r));
    }

    private static PbaDecision accepted(
            EventSourcedBehaviorTestKit<BindingEntity.Command, BindingEvent, BindingState> e, Pbus p) {
        PbaDecision d = pbu(e, p).reply();
        assertEquals(BindingAckStatus.ACCEPTED, d.status(), d.detail());
        return d;
    }

    private static void rejectedWithoutChange(
            EventSourcedBehaviorTestKit<BindingEntity.Command, BindingEvent, BindingState> e, Pbus p,
            BindingAckStatus expected) {
        BindingState before = e.getState();
        CommandResultWithReply<BindingEntity.Command, BindingEvent, BindingState, PbaDecision> r = pbu(e, p);
        assertEquals(expected, r.reply().status(), r.reply().detail());
        assertTrue(r.reply().acknowledge(), "a rejection is answered");
        assertEquals(0, r.reply().lifetimeSeconds());
        assertTrue(r.hasNoEvents(), "a rejection journals nothing");
        assertEquals(before, r.state(), "a rejection leaves the binding alone");
    }

    private BindingView view(EventSourcedBehaviorTestKit<BindingEntity.Command, BindingEvent, BindingState> e) {
        return e.<BindingView>runCommand(BindingEntity.Get::new).reply();
    }

    private void awaitSessions(EventSourcedBehaviorTestKit<BindingEntity.Command, BindingEvent, BindingState> e,
                               int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (view(e).sessions().size() != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, view(e).sessions().size());
    }

    private void awaitNoPendingRelease(
            EventSourcedBehaviorTestKit<BindingEntity.Command, BindingEvent, BindingState> e) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!e.getState().pendingReleases().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(e.getState().isIdle(), "the release was confirmed and journaled");
    }

    @Test
    void theNodesIndexShowsTheSessionsWhileTheEntityRunsHereAndAgainAfterItsRecovery() {
        String mnId = mn("index.example");
        BindingIndex index = HostedBindings.of(fx.kit().system());
        TestProbe<PbaDecision> mag = fx.kit().createTestProbe();
        var entity = fx.kit().spawn(BindingEntity.create(mnId, fx.policy(), fx.settings(), fx.pools().pools(),
                fx.clock(), Optional.empty()));
        entity.tell(new BindingEntity.HandleProxyBindingUpdate(Pbus.initial(mnId).request(), mag.ref()));
        assertEquals(BindingAckStatus.ACCEPTED, mag.receiveMessage(Duration.ofSeconds(10)).status());
        assertTrue(index.mobileNodesAt(MAG1).contains(mnId), "indexed once the event is applied");

        // Stopped (as by passivation or a shard hand-off): served elsewhere, so no longer listed here.
        fx.kit().stop(entity);
        assertFalse(index.mobileNodesAt(MAG1).contains(mnId), "left the index when it stopped");

        // Started again (as on the node its shard moved to): the recovery lists it again.
        var again = fx.kit().spawn(BindingEntity.create(mnId, fx.policy(), fx.settings(), fx.pools().pools(),
                fx.clock(), Optional.empty()));
        TestProbe<BindingView> view = fx.kit().createTestProbe();
        again.tell(new BindingEntity.Get(view.ref()));
        assertEquals(1, view.receiveMessage(Duration.ofSeconds(10)).sessions().size());
        assertTrue(index.mobileNodesAt(MAG1).contains(mnId), "indexed again by its recovery");
    }

    @Test
    void initialRegistrationAssignsAPoolPrefixAndEchoesThePbu() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        var r = pbu(e, Pbus.initial(mnId).llid("0a0b0c0d0e0f").lifetime(100_000));
        PbaDecision d = r.reply();
        assertEquals(BindingAckStatus.ACCEPTED, d.status());
        assertEquals(1, d.homeNetworkPrefixes().size());
        assertTrue(Ipv6Prefix.parse("2001:db8:100::/48").contains(d.homeNetworkPrefixes().get(0)));
        assertEquals(3600, d.lifetimeSeconds(), "RFC 5213 5.3.2: never more than the LMA's maximum");
        assertEquals(mnId, d.mnId());
        assertEquals(MAG1, d.servingMag());
        assertEquals(1, d.sequence());
        assertEquals(Optional.of("0a0b0c0d0e0f"), d.linkLayerId());
        var event = assertInstanceOf(BindingEvent.Registered.class, r.event());
        assertEquals(d.homeNetworkPrefixes(), event.homeNetworkPrefixes());
        assertEquals(Optional.of("default"), event.prefixPool());
    }

    @Test
    void staticProfilePrefixesAreAssignedAndOthersRefused() {
        var e = entity("static@example");
        List<Ipv6Prefix> statics = List.of(Ipv6Prefix.parse("2001:db8:aa:1::/64"), Ipv6Prefix.parse("2001:db8:aa:2::/64"));
        rejectedWithoutChange(e, Pbus.initial("static@example").prefixes(List.of(Ipv6Prefix.parse("2001:db8:bad::/64"))),
                BindingAckStatus.NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX);
        PbaDecision d = accepted(e, Pbus.initial("static@example"));
        assertEquals(statics, d.homeNetworkPrefixes());
    }

    @Test
    void aPoolNodeCannotChooseItsOwnPrefix() {
        String mnId = mn("lab.example");
        rejectedWithoutChange(entity(mnId), Pbus.initial(mnId).prefixes(List.of(Ipv6Prefix.parse("2001:db8:100:5::/64"))),
                BindingAckStatus.NOT_AUTHORIZED_FOR_HOME_NETWORK_PREFIX);
    }

    @Test
    void reRegistrationFromTheServingMagExtendsTheLifetime() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        PbaDecision first = accepted(e, Pbus.initial(mnId));
        fx.clock().advance(Duration.ofSeconds(100));
        var r = pbu(e, Pbus.initial(mnId).hi(HandoffIndicator.HANDOFF_STATE_NOT_CHANGED)
                .prefixes(first.homeNetworkPrefixes()).seq(2).lifetime(300));
        assertEquals(BindingAckStatus.ACCEPTED, r.reply().status());
        assertEquals(first.homeNetworkPrefixes(), r.reply().homeNetworkPrefixes());
        assertInstanceOf(BindingEvent.Refreshed.class, r.event());
        assertEquals(fx.clock().instant().plusSeconds(300), r.state().all().get(0).expiresAt());
        // HI 4 with an all-zero prefix from the same MAG also finds the session (RFC 5213 5.4.1.3).
        var r2 = pbu(e, Pbus.initial(mnId).hi(HandoffIndicator.HANDOFF_STATE_UNKNOWN).seq(3));
        assertInstanceOf(BindingEvent.Refreshed.class, r2.event());
        assertEquals(1, r2.state().sessions().size());
    }

    @Test
    void handoffBetweenMagsKeepsThePrefixAndIgnoresTheNewMagsSequence() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        PbaDecision first = accepted(e, Pbus.initial(mnId).seq(500));
        var r = pbu(e, Pbus.initial(mnId).from(MAG2).hi(HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE).seq(1));
        assertEquals(BindingAckStatus.ACCEPTED, r.reply().status(), r.reply().detail());
        assertEquals(first.homeNetworkPrefixes(), r.reply().homeNetworkPrefixes());
        var event = assertInstanceOf(BindingEvent.HandedOff.class, r.event());
        assertEquals(MAG1, event.previousMag());
        assertEquals(MAG2, r.state().all().get(0).servingMag());
    }

    @Test
    void handoffBetweenInterfacesMovesTheSessionToTheNewAccess() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        PbaDecision first = accepted(e, Pbus.initial(mnId).llid("aa"));
        var r = pbu(e, Pbus.initial(mnId).from(MAG2).hi(HandoffIndicator.HANDOFF_BETWEEN_INTERFACES)
                .att(AccessTechnologyType.E_UTRAN_3GPP).llid("bb"));
        assertEquals(BindingAckStatus.ACCEPTED, r.reply().status(), r.reply().detail());
        assertEquals(first.homeNetworkPrefixes(), r.reply().homeNetworkPrefixes());
        assertInstanceOf(BindingEvent.HandedOff.class, r.event());
        MobilitySession s = r.state().all().get(0);
        assertEquals(AccessTechnologyType.E_UTRAN_3GPP, s.accessTechnology());
        assertEquals(Optional.of("bb"), s.linkLayerId());
    }

    @Test
    void attachmentOverANewInterfaceCreatesASecondSessionWithItsOwnPrefix() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        PbaDecision wifi = accepted(e, Pbus.initial(mnId).llid("aa"));
        PbaDecision lte = accepted(e, Pbus.initial(mnId).from(MAG2).att(AccessTechnologyType.E_UTRAN_3GPP).llid("bb"));
        assertNotEquals(wifi.homeNetworkPrefixes(), lte.homeNetworkPrefixes());
        assertEquals(2, e.getState().sessions().size());
        // RFC 5213 5.4.1.2: link-layer identifier and access technology name the session to refresh.
        var r = pbu(e, Pbus.initial(mnId).from(MAG2).att(AccessTechnologyType.E_UTRAN_3GPP).llid("bb")
                .hi(HandoffIndicator.HANDOFF_STATE_NOT_CHANGED).seq(2));
        var refreshed = assertInstanceOf(BindingEvent.Refreshed.class, r.event());
        assertEquals(lte.homeNetworkPrefixes(), refreshed.homeNetworkPrefixes());
    }

    @Test
    void aPrefixSetThatDiffersFromTheEntryIsRefused() {
        var e = entity("static@example");
        accepted(e, Pbus.initial("static@example"));
        rejectedWithoutChange(e, Pbus.initial("static@example").hi(HandoffIndicator.HANDOFF_STATE_NOT_CHANGED)
                .prefixes(List.of(Ipv6Prefix.parse("2001:db8:aa:1::/64"))).seq(2),
                BindingAckStatus.BCE_PBU_PREFIX_SET_DO_NOT_MATCH);
    }

    @Test
    void deregistrationKeepsTheEntryForMinDelayThenDeletesItAndFreesThePrefix() throws Exception {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        PbaDecision reg = accepted(e, Pbus.initial(mnId));
        var r = pbu(e, Pbus.initial(mnId).prefixes(reg.homeNetworkPrefixes()).seq(2).lifetime(0));
        assertEquals(BindingAckStatus.ACCEPTED, r.reply().status());
        assertEquals(0, r.reply().lifetimeSeconds());
        assertEquals(reg.homeNetworkPrefixes(), r.reply().homeNetworkPrefixes());
        assertInstanceOf(BindingEvent.Deregistered.class, r.event());
        assertTrue(r.state().all().get(0).isDeregistered(), "still there during MinDelayBeforeBCEDelete");
        fx.clock().advance(Duration.ofSeconds(1));
        awaitSessions(e, 0);
        assertInstanceOf(BindingEvent.SessionDeleted.class, e.persistenceTestKit()
                .persistedInStorage(BindingEntity.persistenceId(mnId).id()).get(2));
        awaitNoPendingRelease(e);
        var released = assertInstanceOf(BindingEvent.PrefixesReleased.class, e.persistenceTestKit()
                .persistedInStorage(BindingEntity.persistenceId(mnId).id()).get(3));
        assertEquals(reg.homeNetworkPrefixes(), released.homeNetworkPrefixes());
        // The pool freed the holder's prefix: the same holder name now gets a fresh allocation.
        String holder = BindingRules.holder(mnId, "if-0");
        Ipv6Prefix again = fx.pools().client("default").allocate(holder).toCompletableFuture().get().orElseThrow();
        assertNotEquals(reg.homeNetworkPrefixes().get(0), again, "a released prefix rests before reuse");
    }

    @Test
    void aHandoffDuringMinDelayRevivesTheSession() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        PbaDecision reg = accepted(e, Pbus.initial(mnId));
        accepted(e, Pbus.initial(mnId).prefixes(reg.homeNetworkPrefixes()).seq(2).lifetime(0));
        var r = pbu(e, Pbus.initial(mnId).from(MAG2).hi(HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE)
                .prefixes(reg.homeNetworkPrefixes()));
        assertInstanceOf(BindingEvent.HandedOff.class, r.event());
        assertTrue(r.state().all().get(0).deleteAt().isEmpty());
    }

    @Test
    void aLateDeregistrationFromThePreviousMagIsIgnoredWithoutAnAcknowledgement() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        PbaDecision reg = accepted(e, Pbus.initial(mnId));
        accepted(e, Pbus.initial(mnId).from(MAG2).hi(HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE));
        BindingState before = e.getState();
        var r = pbu(e, Pbus.initial(mnId).prefixes(reg.homeNetworkPrefixes()).seq(2).lifetime(0));
        assertFalse(r.reply().acknowledge(), "RFC 5213 5.3.5: ignored, no PBA");
        assertTrue(r.hasNoEvents());
        assertEquals(before, r.state());
    }

    @Test
    void aDeregistrationWithoutBindingIsAcknowledged() {
        String mnId = mn("lab.example");
        var r = pbu(entity(mnId), Pbus.initial(mnId).lifetime(0));
        assertEquals(BindingAckStatus.ACCEPTED, r.reply().status());
        assertTrue(r.hasNoEvents());
    }

    @Test
    void theBindingExpiresWhenItsLifetimeRunsOut() throws Exception {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        accepted(e, Pbus.initial(mnId).lifetime(1));
        fx.clock().advance(Duration.ofSeconds(2));
        awaitSessions(e, 0);
        var events = e.persistenceTestKit().persistedInStorage(BindingEntity.persistenceId(mnId).id());
        assertInstanceOf(BindingEvent.Expired.class, events.get(1));
    }

    @Test
    void timersAreReArmedFromTheJournalAfterARestart() throws Exception {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        PbaDecision reg = accepted(e, Pbus.initial(mnId));
        accepted(e, Pbus.initial(mnId).prefixes(reg.homeNetworkPrefixes()).seq(2).lifetime(0));
        BindingState before = e.getState();
        var restarted = e.restart();
        assertEquals(before, restarted.state(), "recovered from the journal (CBOR round trip)");
        fx.clock().advance(Duration.ofSeconds(1));
        awaitSessions(e, 0);
    }

    @Test
    void recoveryFromSnapshotAndEventsGivesTheSameState() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        PbaDecision reg = accepted(e, Pbus.initial(mnId));
        for (int seq = 2; seq < 9; seq++) {
            accepted(e, Pbus.initial(mnId).hi(HandoffIndicator.HANDOFF_STATE_NOT_CHANGED)
                    .prefixes(reg.homeNetworkPrefixes()).seq(seq));
        }
        BindingState before = e.getState();
        assertEquals(before, e.restart().state());
    }

    @Test
    void timestampsOutsideTheValidityWindowAreRefusedWithTheLmaTime() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        var r = pbu(e, Pbus.initial(mnId).at(fx.clock().instant().minusSeconds(2)));
        assertEquals(BindingAckStatus.TIMESTAMP_MISMATCH, r.reply().status());
        assertEquals(Optional.of(PmipTimestamp.of(fx.clock().instant())), r.reply().timestamp());
        assertTrue(r.hasNoEvents());
    }

    @Test
    void timestampsMustIncrease() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        Instant t = fx.clock().instant();
        PbaDecision reg = accepted(e, Pbus.initial(mnId).at(t));
        assertEquals(Optional.of(PmipTimestamp.of(t)), reg.timestamp(), "RFC 5213 5.3.5: echoed");
        Pbus refresh = Pbus.initial(mnId).hi(HandoffIndicator.HANDOFF_STATE_NOT_CHANGED).prefixes(reg.homeNetworkPrefixes());
        rejectedWithoutChange(e, refresh.at(t), BindingAckStatus.TIMESTAMP_LOWER_THAN_PREV_ACCEPTED);
        rejectedWithoutChange(e, refresh.at(t.minusMillis(100)), BindingAckStatus.TIMESTAMP_LOWER_THAN_PREV_ACCEPTED);
        assertEquals(BindingAckStatus.ACCEPTED, pbu(e, refresh.at(t.plusMillis(100))).reply().status());
    }

    @Test
    void aDelayedPbuFromThePreviousMagCannotPullTheSessionBack() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        Instant t = fx.clock().instant();
        accepted(e, Pbus.initial(mnId).at(t));
        accepted(e, Pbus.initial(mnId).from(MAG2).hi(HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE)
                .at(t.plusMillis(200)));
        // RFC 5213 5.5: the old MAG's refresh, sent before the handoff, arrives late.
        rejectedWithoutChange(e, Pbus.initial(mnId).hi(HandoffIndicator.HANDOFF_BETWEEN_MAGS_SAME_INTERFACE)
                .at(t.plusMillis(100)), BindingAckStatus.TIMESTAMP_LOWER_THAN_PREV_ACCEPTED);
        assertEquals(MAG2, e.getState().all().get(0).servingMag());
    }

    /** RFC 5213 5.4.1.3: HI 4 from MAG2 may be the MAG1 interface handed off or a new one: no answer yet. */
    private TestProbe<PbaDecision> handoffStateUnknownFromMag2(
            EventSourcedBehaviorTestKit<BindingEntity.Command, BindingEvent, BindingState> e, String mnId) {
        TestProbe<PbaDecision> waiting = fx.kit().createTestProbe();
        e.runCommand(new BindingEntity.HandleProxyBindingUpdate(
                Pbus.initial(mnId).from(MAG2).hi(HandoffIndicator.HANDOFF_STATE_UNKNOWN).seq(1).request(),
                waiting.ref()));
        return waiting;
    }

    @Test
    void handoffStateUnknownFromANewMagWaitsForTheOldMagsDeregistrationAndIsThenAHandoff() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        PbaDecision reg = accepted(e, Pbus.initial(mnId));
        TestProbe<PbaDecision> waiting = handoffStateUnknownFromMag2(e, mnId);
        assertEquals(MAG1, e.getState().all().get(0).servingMag());
        accepted(e, Pbus.initial(mnId).prefixes(reg.homeNetworkPrefixes()).seq(2).lifetime(0));
        // The old MAG de-registered within MaxDelayBeforeNewBCEAssign: a handoff, same prefix, one session.
        PbaDecision handedOff = waiting.receiveMessage(Duration.ofSeconds(5));
        assertEquals(BindingAckStatus.ACCEPTED, handedOff.status(), handedOff.detail());
        assertEquals(reg.homeNetworkPrefixes(), handedOff.homeNetworkPrefixes());
        assertEquals(1, e.getState().sessions().size());
        MobilitySession s = e.getState().all().get(0);
        assertEquals(MAG2, s.servingMag());
        assertFalse(s.isDeregistered());
    }

    @Test
    void handoffStateUnknownFromANewMagGetsANewSessionWhenNoDeregistrationComesInTime() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        PbaDecision reg = accepted(e, Pbus.initial(mnId));
        TestProbe<PbaDecision> waiting = handoffStateUnknownFromMag2(e, mnId);
        // RFC 5213 5.4.1.3: MaxDelayBeforeNewBCEAssign (300 ms in TestConfigs) ran out: a new interface.
        PbaDecision fresh = waiting.receiveMessage(Duration.ofSeconds(5));
        assertEquals(BindingAckStatus.ACCEPTED, fresh.status(), fresh.detail());
        assertNotEquals(reg.homeNetworkPrefixes(), fresh.homeNetworkPrefixes());
        assertEquals(2, e.getState().sessions().size());
        assertEquals(List.of(MAG1, MAG2), e.getState().all().stream().map(MobilitySession::servingMag).toList());
    }

    @Test
    void handoffStateUnknownAfterTheOldMagAlreadyDeregisteredIsAHandoffAtOnce() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        PbaDecision reg = accepted(e, Pbus.initial(mnId));
        accepted(e, Pbus.initial(mnId).prefixes(reg.homeNetworkPrefixes()).seq(2).lifetime(0));
        var r = pbu(e, Pbus.initial(mnId).from(MAG2).hi(HandoffIndicator.HANDOFF_STATE_UNKNOWN).seq(1));
        assertEquals(BindingAckStatus.ACCEPTED, r.reply().status(), r.reply().detail());
        assertInstanceOf(BindingEvent.HandedOff.class, r.event());
        assertEquals(reg.homeNetworkPrefixes(), r.reply().homeNetworkPrefixes());
    }

    @Test
    void aRefreshDuringMinDelayFromTheServingMagKeepsTheSession() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        PbaDecision reg = accepted(e, Pbus.initial(mnId));
        accepted(e, Pbus.initial(mnId).prefixes(reg.homeNetworkPrefixes()).seq(2).lifetime(0));
        var r = pbu(e, Pbus.initial(mnId).hi(HandoffIndicator.HANDOFF_STATE_UNKNOWN).seq(3));
        assertInstanceOf(BindingEvent.Refreshed.class, r.event());
        assertEquals(reg.homeNetworkPrefixes(), r.reply().homeNetworkPrefixes());
        assertTrue(r.state().all().get(0).deleteAt().isEmpty());
    }

    @Test
    void handoffBetweenInterfacesIsAmbiguousWithTwoSessionsSoANewOneIsCreated() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        accepted(e, Pbus.initial(mnId).llid("aa"));
        accepted(e, Pbus.initial(mnId).from(MAG2).att(AccessTechnologyType.E_UTRAN_3GPP).llid("bb"));
        var r = pbu(e, Pbus.initial(mnId).hi(HandoffIndicator.HANDOFF_BETWEEN_INTERFACES)
                .att(AccessTechnologyType.IEEE_802_3).llid("cc"));
        assertInstanceOf(BindingEvent.Registered.class, r.event());
        assertEquals(3, r.state().sessions().size());
    }

    @Test
    void sequenceNumbersOrderPbusFromTheSameMagModulo65536() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        PbaDecision reg = accepted(e, Pbus.initial(mnId).seq(65535));
        Pbus refresh = Pbus.initial(mnId).hi(HandoffIndicator.HANDOFF_STATE_NOT_CHANGED).prefixes(reg.homeNetworkPrefixes());
        BindingState before = e.getState();
        var stale = pbu(e, refresh.seq(65000));
        assertEquals(BindingAckStatus.SEQUENCE_NUMBER_OUT_OF_WINDOW, stale.reply().status());
        assertEquals(65535, stale.reply().sequence(), "RFC 6275 9.5.1: the last accepted sequence number");
        assertTrue(stale.hasNoEvents());
        assertEquals(before, stale.state());
        assertEquals(BindingAckStatus.ACCEPTED, pbu(e, refresh.seq(0)).reply().status(), "wraps around");
    }

    @Test
    void policyRefusalsAnswerTheRfcStatus() {
        rejectedWithoutChange(entity("x@lab.example"), Pbus.initial("x@lab.example").from("2001:db8:bad::1"),
                BindingAckStatus.MAG_NOT_AUTHORIZED_FOR_PROXY_REG);
        rejectedWithoutChange(entity("disabled@example"), Pbus.initial("disabled@example"),
                BindingAckStatus.PROXY_REG_NOT_ENABLED);
        rejectedWithoutChange(entity("elsewhere@example"), Pbus.initial("elsewhere@example"),
                BindingAckStatus.NOT_LMA_FOR_THIS_MOBILE_NODE);
        rejectedWithoutChange(entity("a@wifi.example"),
                Pbus.initial("a@wifi.example").att(AccessTechnologyType.E_UTRAN_3GPP),
                BindingAckStatus.ADMINISTRATIVELY_PROHIBITED);
        assertEquals(BindingAckStatus.ACCEPTED, pbu(entity("b@wifi.example"), Pbus.initial("b@wifi.example")).reply().status());
    }

    @Test
    void missingMandatoryOptionsAreNamed() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        rejectedWithoutChange(e, Pbus.initial(mnId).prefixes(List.of()), BindingAckStatus.MISSING_HOME_NETWORK_PREFIX_OPTION);
        rejectedWithoutChange(e, Pbus.initial(mnId).hi(null), BindingAckStatus.MISSING_HANDOFF_INDICATOR_OPTION);
        rejectedWithoutChange(e, Pbus.initial(mnId).att(null), BindingAckStatus.MISSING_ACCESS_TECH_TYPE_OPTION);
    }

    @Test
    void anExhaustedPoolAnswersInsufficientResources() {
        PbaDecision a = accepted(entity("a@tiny.example"), Pbus.initial("a@tiny.example"));
        PbaDecision b = accepted(entity("b@tiny.example"), Pbus.initial("b@tiny.example"));
        assertNotEquals(a.homeNetworkPrefixes(), b.homeNetworkPrefixes());
        rejectedWithoutChange(entity("c@tiny.example"), Pbus.initial("c@tiny.example"),
                BindingAckStatus.INSUFFICIENT_RESOURCES);
    }

    @Test
    void releasesNotYetConfirmedAreSentAgainAfterRecovery() throws Exception {
        String mnId = mn("lab.example");
        String holder = BindingRules.holder(mnId, "if-0");
        Ipv6Prefix prefix = fx.pools().client("default").allocate(holder).toCompletableFuture().get().orElseThrow();
        // A node that died right after journaling the revocation: the event is there, the release is not.
        var restarted = entity(mnId);
        restarted.initialize(
                new BindingEvent.Registered(mnId, "if-0", fx.clock().instant(), MAG1, Pbus.LMAA, List.of(prefix),
                        Optional.of("default"), AccessTechnologyType.IEEE_802_11, Optional.empty(),
                        HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE, Optional.empty(), 1, 600,
                        java.util.OptionalLong.empty()),
                new BindingEvent.Revoked(mnId, "if-0", fx.clock().instant(), MAG1, List.of(prefix), "crash test"));
        assertEquals(1, restarted.getState().sessionsCreated(), "recovered the journaled revocation");
        awaitNoPendingRelease(restarted);
        Ipv6Prefix next = fx.pools().client("default").allocate(holder).toCompletableFuture().get().orElseThrow();
        assertNotEquals(prefix, next, "the holder no longer holds its old prefix: it was released");
    }

    @Test
    void revocationEndsSessionsAndReleasesPrefixes() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        accepted(e, Pbus.initial(mnId).llid("aa"));
        accepted(e, Pbus.initial(mnId).from(MAG2).att(AccessTechnologyType.E_UTRAN_3GPP).llid("bb"));
        var r = e.<BindingEntity.RevokeResult>runCommand(ref -> new BindingEntity.Revoke(Optional.empty(), "operator", ref));
        assertEquals(2, r.reply().sessions().size());
        assertEquals(2, r.events().stream().filter(BindingEvent.Revoked.class::isInstance).count());
        assertTrue(r.state().sessions().isEmpty());
    }

    @Test
    void pbusWhileThePoolIsAskedAreStashedNotLost() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        var probe = fx.kit().<PbaDecision>createTestProbe();
        Pbus first = Pbus.initial(mnId);
        e.runCommand(new BindingEntity.HandleProxyBindingUpdate(first.request(), probe.ref()));
        e.runCommand(new BindingEntity.HandleProxyBindingUpdate(first.seq(2).hi(HandoffIndicator.HANDOFF_STATE_NOT_CHANGED)
                .request(), probe.ref()));
        PbaDecision a = probe.receiveMessage();
        PbaDecision b = probe.receiveMessage();
        assertEquals(BindingAckStatus.ACCEPTED, a.status());
        assertEquals(BindingAckStatus.ACCEPTED, b.status(), b.detail());
        assertEquals(a.homeNetworkPrefixes(), b.homeNetworkPrefixes(), "the second PBU found the new session");
        assertEquals(1, e.getState().sessions().size());
    }

    @Test
    void aPbuWhoseAskerStoppedWaitingIsNotHandledAndJournalsNothing() {
        String mnId = mn("lab.example");
        var e = entity(mnId);
        PbaDecision reg = accepted(e, Pbus.initial(mnId));
        Pbus refresh = Pbus.initial(mnId).prefixes(reg.homeNetworkPrefixes()).seq(2)
                .hi(HandoffIndicator.HANDOFF_STATE_NOT_CHANGED);
        BindingState before = e.getState();
        // E.g. buffered while its shard moved after a node died: the ingress gave up on it before.
        TestProbe<PbaDecision> gone = fx.kit().createTestProbe();
        var late = e.runCommand(new BindingEntity.HandleProxyBindingUpdate(refresh.request(), gone.ref(),
                Optional.of(fx.clock().instant().minus(BindingEntity.CLOCK_SKEW_ALLOWANCE).minusMillis(1))));
        assertTrue(late.hasNoEvents(), "no refresh journaled: " + late.events());
        assertEquals(before, e.getState());
        gone.expectNoMessage(java.time.Duration.ofMillis(200));
        CommandResultWithReply<BindingEntity.Command, BindingEvent, BindingState, PbaDecision> inTime =
                e.runCommand(r -> new BindingEntity.HandleProxyBindingUpdate(refresh.seq(3).request(), r,
                        Optional.of(fx.clock().instant().plusSeconds(5))));
        assertEquals(BindingAckStatus.ACCEPTED, inTime.reply().status(), inTime.reply().detail());
        assertEquals(1, inTime.events().size());
    }
}
