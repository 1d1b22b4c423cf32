package io.pmip.mag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.mh.Heartbeat;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.RestartCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatTest extends MagTestBase {

    private MagFixture heartbeatMag(TestLma lma) throws Exception {
        return mag(lma, c -> c.withHeartbeat(HeartbeatConfig.every(Duration.ofMillis(150), 3))
                .withReRegistrationsPerSecond(10).withRestartCounter(9));
    }

    private void attach(TestLma lma, MagFixture mag, int count) throws Exception {
        for (int i = 1; i <= count; i++) {
            mag.tell(MagCommand.Attach.newAttachment("mn" + i + "@example.org", mac(i), AccessTechnologyType.IEEE_802_3));
            mag.expect(MagEvent.Registered.class, WAIT);
        }
        lma.pbusWithin(Duration.ofMillis(50));
    }

    @Test
    void silentLmaIsDeclaredDownAndItsReturnReEstablishesBindingsPaced() throws Exception {
        try (TestLma lma = TestLma.open(); MagFixture mag = heartbeatMag(lma)) {
            MagEvent.PathStateChanged up = mag.expect(MagEvent.PathStateChanged.class, WAIT);
            assertEquals(PathState.UNKNOWN, up.from());
            assertEquals(PathState.UP, up.to());
            attach(lma, mag, 3);

            lma.answerHeartbeats = false;
            long silentAt = System.nanoTime();
            MagEvent.PathStateChanged down = mag.expect(MagEvent.PathStateChanged.class, WAIT);
            assertEquals(PathState.DOWN, down.to());
            assertTrue(System.nanoTime() - silentAt >= 300_000_000L, "three intervals of 150 ms go unanswered first");
            assertEquals(PathState.DOWN, mag.pathState());
            assertTrue(lma.pbusWithin(Duration.ofMillis(100)).isEmpty(), "nothing re-registered while down");

            lma.answerHeartbeats = true;
            assertEquals(PathState.UP, mag.expect(MagEvent.PathStateChanged.class, WAIT).to());
            List<TestLma.Received> again = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                again.add(lma.nextPbu(WAIT));
            }
            for (TestLma.Received r : again) {
                ProxyBindingUpdate pbu = r.as(ProxyBindingUpdate.class);
                String mnId = pbu.option(MobileNodeIdentifier.class).orElseThrow().naiText().orElseThrow();
                assertEquals(HandoffIndicator.HANDOFF_STATE_NOT_CHANGED,
                        pbu.option(HandoffIndicatorOption.class).orElseThrow().handoffIndicator().orElseThrow());
                assertEquals(List.of(new HomeNetworkPrefixOption(lma.prefixOf(mnId))),
                        pbu.optionsOf(HomeNetworkPrefixOption.class));
            }
            // Paced at 10 per second: two gaps of about 100 ms, not a burst.
            long spreadMs = (again.get(2).atNanos() - again.get(0).atNanos()) / 1_000_000;
            assertTrue(spreadMs >= 160, "re-registrations spread over " + spreadMs + " ms");
            for (int i = 0; i < 3; i++) {
                assertEquals(PbuKind.REESTABLISH, mag.expect(MagEvent.Registered.class, WAIT).kind());
            }
        }
    }

    @Test
    void refreshesLostWhileTheLmaIsDownKeepTheEntryForReEstablishment() throws Exception {
        try (TestLma lma = TestLma.open();
                MagFixture mag = mag(lma, c -> c.withHeartbeat(HeartbeatConfig.every(Duration.ofMillis(100), 2))
                        .withRequestedLifetime(Duration.ofSeconds(4)).withRefreshFraction(0.25)
                        .withBindackTimeouts(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(200)))) {
            assertEquals(PathState.UP, mag.expect(MagEvent.PathStateChanged.class, WAIT).to());
            attach(lma, mag, 1);
            lma.answerHeartbeats = false;
            lma.dropPbus.set(Integer.MAX_VALUE);
            assertEquals(PathState.DOWN, mag.expect(MagEvent.PathStateChanged.class, WAIT).to());

            MagEvent.TimedOut timedOut = mag.expect(MagEvent.TimedOut.class, WAIT);
            assertEquals(PbuKind.REFRESH, timedOut.kind());
            assertEquals(BindingState.REGISTERED, mag.bindingUpdateList().get("mn1@example.org").state());

            lma.dropPbus.set(0);
            lma.answerHeartbeats = true;
            assertEquals(PbuKind.REESTABLISH, mag.expect(MagEvent.Registered.class, WAIT).kind());
        }
    }

    @Test
    void aChangedRestartCounterMeansTheLmaRestartedAndBindingsAreReEstablished() throws Exception {
        try (TestLma lma = TestLma.open(); MagFixture mag = heartbeatMag(lma)) {
            mag.expect(MagEvent.PathStateChanged.class, WAIT);
            attach(lma, mag, 2);
            lma.restartCounter = 2;
            MagEvent.LmaRestarted restarted = mag.expect(MagEvent.LmaRestarted.class, WAIT);
            assertEquals(1, restarted.previousRestartCounter());
            assertEquals(2, restarted.restartCounter());
            for (int i = 0; i < 2; i++) {
                assertEquals(PbuKind.REESTABLISH, mag.expect(MagEvent.Registered.class, WAIT).kind());
            }
            assertEquals(PathState.UP, mag.pathState());
        }
    }

    @Test
    void answersTheLmaHeartbeatWithItsRestartCounter() throws Exception {
        try (TestLma lma = TestLma.open(); MagFixture mag = mag(lma, c -> c.withRestartCounter(9))) {
            // The MAG links itself to its node when its actor starts, after spawn returns: a request before
            // that is unroutable (CI saw it). An answer from the actor means it has started.
            mag.pathState();
            lma.send(Heartbeat.request(77, List.of()), mag.node.transport().localAddress(),
                    mag.node.transport().localPort());
            Heartbeat response = lma.next(Heartbeat.class, WAIT).as(Heartbeat.class);
            assertTrue(response.response());
            assertFalse(response.unsolicited());
            assertEquals(77, response.sequence());
            assertEquals(new RestartCounter(9), response.option(RestartCounter.class).orElseThrow());
        }
    }
}
