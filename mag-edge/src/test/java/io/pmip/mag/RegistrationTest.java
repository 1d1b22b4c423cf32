package io.pmip.mag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.HandoffIndicator;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.AccessTechnologyTypeOption;
import io.pmip.protocol.mh.option.HandoffIndicatorOption;
import io.pmip.protocol.mh.option.HomeNetworkPrefixOption;
import io.pmip.protocol.mh.option.MobileNodeGroupIdentifier;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.mh.option.MobileNodeLinkLayerIdentifier;
import io.pmip.protocol.mh.option.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrationTest extends MagTestBase {
    private static final String MN = "mn1@example.org";

    @Test
    void attachSendsAnInitialPbuWithEveryOptionAndRegistersTheAssignedPrefix() throws Exception {
        try (TestLma lma = TestLma.open(); MagFixture mag = mag(lma, c -> c.withRequestedLifetime(Duration.ofSeconds(400)))) {
            mag.tell(MagCommand.Attach.newAttachment(MN, MAC, AccessTechnologyType.IEEE_802_11));

            ProxyBindingUpdate pbu = lma.nextPbu(WAIT).as(ProxyBindingUpdate.class);
            assertEquals(ProxyBindingUpdate.FLAG_A | ProxyBindingUpdate.FLAG_P, pbu.flags());
            assertEquals(100, pbu.lifetime());
            assertEquals(MN, pbu.option(MobileNodeIdentifier.class).orElseThrow().naiText().orElseThrow());
            assertEquals(List.of(new HomeNetworkPrefixOption(Ipv6Prefix.UNSPECIFIED)),
                    pbu.optionsOf(HomeNetworkPrefixOption.class));
            assertEquals(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE,
                    pbu.option(HandoffIndicatorOption.class).orElseThrow().handoffIndicator().orElseThrow());
            assertEquals(AccessTechnologyType.IEEE_802_11,
                    pbu.option(AccessTechnologyTypeOption.class).orElseThrow().accessTechnologyType().orElseThrow());
            assertEquals(MAC, pbu.option(MobileNodeLinkLayerIdentifier.class).orElseThrow().identifier());
            assertEquals(Timestamp.of(MagFixture.NOW), pbu.option(Timestamp.class).orElseThrow());
            assertTrue(pbu.option(MobileNodeGroupIdentifier.class).isEmpty(), "bulk is off");
            assertEquals(List.of(MobileNodeIdentifier.nai(MN), new HomeNetworkPrefixOption(Ipv6Prefix.UNSPECIFIED),
                    HandoffIndicatorOption.of(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE),
                    AccessTechnologyTypeOption.of(AccessTechnologyType.IEEE_802_11), Timestamp.of(MagFixture.NOW),
                    new MobileNodeLinkLayerIdentifier(MAC)), pbu.options(), "exactly these options, once each");

            MagEvent.Registered registered = mag.expect(MagEvent.Registered.class, WAIT);
            assertEquals(PbuKind.INITIAL, registered.kind());
            assertEquals(List.of(lma.prefixOf(MN)), registered.homeNetworkPrefixes());
            assertEquals(Duration.ofSeconds(400), registered.lifetime());

            BindingUpdateListEntry entry = mag.bindingUpdateList().get(MN);
            assertEquals(BindingState.REGISTERED, entry.state());
            assertEquals(List.of(lma.prefixOf(MN)), entry.homeNetworkPrefixes());
            assertEquals(pbu.sequence(), entry.lastSequence());
            assertEquals(lma.address(), entry.lmaAddress());
            assertTrue(lma.decodeFailures().isEmpty(), lma.decodeFailures().toString());
        }
    }

    @Test
    void retransmitsWithExponentialBackoffUntilAnswered() throws Exception {
        try (TestLma lma = TestLma.open();
                MagFixture mag = mag(lma, c -> c.withBindackTimeouts(Duration.ofMillis(100), Duration.ofMillis(100),
                        Duration.ofSeconds(4)))) {
            lma.dropPbus.set(3);
            mag.tell(MagCommand.Attach.newAttachment(MN, MAC, AccessTechnologyType.IEEE_802_3));

            List<TestLma.Received> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(lma.nextPbu(WAIT));
            }
            mag.expect(MagEvent.Registered.class, WAIT);
            // RFC 5213 6.9.4: timeouts 100, 200, 400 ms. Lower bounds only; the machine may be slow.
            long[] gapsMs = new long[3];
            for (int i = 0; i < 3; i++) {
                gapsMs[i] = (sent.get(i + 1).atNanos() - sent.get(i).atNanos()) / 1_000_000;
            }
            assertTrue(gapsMs[0] >= 80, "first gap " + gapsMs[0]);
            assertTrue(gapsMs[1] >= 180, "second gap " + gapsMs[1]);
            assertTrue(gapsMs[2] >= 380, "third gap " + gapsMs[2]);
            assertTrue(gapsMs[2] - gapsMs[0] >= 250, "back-off grows: " + java.util.Arrays.toString(gapsMs));
            List<Integer> sequences = sent.stream().map(r -> r.as(ProxyBindingUpdate.class).sequence()).toList();
            assertEquals(4, sequences.stream().distinct().count(), "each transmission has its own sequence");
            for (TestLma.Received r : sent) {
                assertEquals(HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE, r.as(ProxyBindingUpdate.class)
                        .option(HandoffIndicatorOption.class).orElseThrow().handoffIndicator().orElseThrow());
            }
            assertEquals(BindingState.REGISTERED, mag.bindingUpdateList().get(MN).state());
        }
    }

    @Test
    void givesUpWhenTheTimeoutReachesMaxBindackTimeout() throws Exception {
        try (TestLma lma = TestLma.open();
                MagFixture mag = mag(lma, c -> c.withBindackTimeouts(Duration.ofMillis(100), Duration.ofMillis(100),
                        Duration.ofMillis(400)))) {
            lma.dropPbus.set(Integer.MAX_VALUE);
            mag.tell(MagCommand.Attach.newAttachment(MN, MAC, AccessTechnologyType.IEEE_802_3));

            MagEvent.Retransmitted first = mag.expect(MagEvent.Retransmitted.class, WAIT);
            assertEquals(Duration.ofMillis(200), first.nextTimeout());
            MagEvent.Retransmitted second = mag.expect(MagEvent.Retransmitted.class, WAIT);
            assertEquals(Duration.ofMillis(400), second.nextTimeout());
            MagEvent.TimedOut timedOut = mag.expect(MagEvent.TimedOut.class, WAIT);
            assertEquals(MN, timedOut.mobileNodeIdentifier());
            assertEquals(3, timedOut.transmissions(), "100, 200 and 400 ms, then MaxBindackTimeout is reached");
            assertTrue(mag.bindingUpdateList().isEmpty());
            assertEquals(3, lma.pbusWithin(Duration.ofMillis(300)).size(), "nothing more after giving up");
        }
    }

    @Test
    void refreshesBeforeTheGrantedLifetimeRunsOut() throws Exception {
        try (TestLma lma = TestLma.open();
                MagFixture mag = mag(lma, c -> c.withRequestedLifetime(Duration.ofSeconds(4)).withRefreshFraction(0.25))) {
            mag.tell(MagCommand.Attach.newAttachment(MN, MAC, AccessTechnologyType.IEEE_802_3));
            TestLma.Received initial = lma.nextPbu(WAIT);
            mag.expect(MagEvent.Registered.class, WAIT);

            TestLma.Received refresh = lma.nextPbu(WAIT);
            long afterMs = (refresh.atNanos() - initial.atNanos()) / 1_000_000;
            assertTrue(afterMs >= 900 && afterMs < 4000, "refresh after " + afterMs + " ms of a 4 s lifetime");
            ProxyBindingUpdate pbu = refresh.as(ProxyBindingUpdate.class);
            assertEquals(1, pbu.lifetime());
            assertEquals(HandoffIndicator.HANDOFF_STATE_NOT_CHANGED,
                    pbu.option(HandoffIndicatorOption.class).orElseThrow().handoffIndicator().orElseThrow());
            assertEquals(List.of(new HomeNetworkPrefixOption(lma.prefixOf(MN))),
                    pbu.optionsOf(HomeNetworkPrefixOption.class));
            assertNotEquals(initial.as(ProxyBindingUpdate.class).sequence(), pbu.sequence());
            MagEvent.Registered refreshed = mag.expect(MagEvent.Registered.class, WAIT);
            assertEquals(PbuKind.REFRESH, refreshed.kind());
        }
    }

    @Test
    void detachDeregistersWithLifetimeZeroAndRemovesTheEntry() throws Exception {
        try (TestLma lma = TestLma.open(); MagFixture mag = mag(lma)) {
            mag.tell(MagCommand.Attach.newAttachment(MN, MAC, AccessTechnologyType.IEEE_802_3));
            lma.nextPbu(WAIT);
            mag.expect(MagEvent.Registered.class, WAIT);

            mag.tell(new MagCommand.Detach(MN));
            ProxyBindingUpdate pbu = lma.nextPbu(WAIT).as(ProxyBindingUpdate.class);
            assertEquals(0, pbu.lifetime());
            assertEquals(List.of(new HomeNetworkPrefixOption(lma.prefixOf(MN))),
                    pbu.optionsOf(HomeNetworkPrefixOption.class));
            assertEquals(MN, pbu.option(MobileNodeIdentifier.class).orElseThrow().naiText().orElseThrow());
            MagEvent.Deregistered gone = mag.expect(MagEvent.Deregistered.class, WAIT);
            assertEquals(0, gone.statusCode());
            assertTrue(mag.bindingUpdateList().isEmpty());
        }
    }

    @Test
    void aRejectionRemovesTheEntryAndReportsTheStatus() throws Exception {
        try (TestLma lma = TestLma.open(); MagFixture mag = mag(lma)) {
            lma.registrationStatus = 129; // ADMINISTRATIVELY_PROHIBITED
            mag.tell(MagCommand.Attach.newAttachment(MN, MAC, AccessTechnologyType.IEEE_802_3));
            MagEvent.Rejected rejected = mag.expect(MagEvent.Rejected.class, WAIT);
            assertEquals(129, rejected.statusCode());
            assertEquals(PbuKind.INITIAL, rejected.kind());
            assertTrue(mag.bindingUpdateList().isEmpty());
        }
    }

    @Test
    void insufficientResourcesIsSentAgainAfterTheBackOffAndGivenUpAtMaxBindackTimeout() throws Exception {
        try (TestLma lma = TestLma.open();
                MagFixture mag = mag(lma, c -> c.withBindackTimeouts(Duration.ofMillis(100), Duration.ofMillis(100),
                        Duration.ofMillis(400)))) {
            lma.registrationStatus = 130; // INSUFFICIENT_RESOURCES: an overloaded LMA
            mag.tell(MagCommand.Attach.newAttachment(MN, MAC, AccessTechnologyType.IEEE_802_3));

            // RFC 5213 6.9.4: each refusal costs the wait of a lost PBA, doubling: 100, 200 ms.
            assertEquals(Duration.ofMillis(200), mag.expect(MagEvent.Retransmitted.class, WAIT).nextTimeout());
            assertEquals(Duration.ofMillis(400), mag.expect(MagEvent.Retransmitted.class, WAIT).nextTimeout());
            MagEvent.Rejected rejected = mag.expect(MagEvent.Rejected.class, WAIT);
            assertEquals(130, rejected.statusCode(), "given up once the timeout reached MaxBindackTimeout");
            assertEquals(3, lma.pbusWithin(Duration.ofMillis(300)).size());
            assertTrue(mag.bindingUpdateList().isEmpty());
        }
    }

    @Test
    void anAttachmentRefusedFor130RegistersOnceTheLmaHasRoom() throws Exception {
        try (TestLma lma = TestLma.open();
                MagFixture mag = mag(lma, c -> c.withBindackTimeouts(Duration.ofMillis(100), Duration.ofMillis(100),
                        Duration.ofSeconds(4)))) {
            lma.registrationStatus = 130;
            mag.tell(MagCommand.Attach.newAttachment(MN, MAC, AccessTechnologyType.IEEE_802_3));
            lma.nextPbu(WAIT);
            mag.expect(MagEvent.Retransmitted.class, WAIT);
            lma.registrationStatus = 0;

            MagEvent.Registered registered = mag.expect(MagEvent.Registered.class, WAIT);
            assertEquals(List.of(lma.prefixOf(MN)), registered.homeNetworkPrefixes());
            assertEquals(BindingState.REGISTERED, mag.bindingUpdateList().get(MN).state());
        }
    }

    @Test
    void timestampMismatchIsRetriedOnceWithTheLmaTime() throws Exception {
        try (TestLma lma = TestLma.open(); MagFixture mag = mag(lma)) {
            Timestamp lmaTime = Timestamp.of(MagFixture.NOW.plusSeconds(100));
            lma.mismatchOnceWithTime = lmaTime;
            mag.tell(MagCommand.Attach.newAttachment(MN, MAC, AccessTechnologyType.IEEE_802_3));

            assertEquals(Timestamp.of(MagFixture.NOW),
                    lma.nextPbu(WAIT).as(ProxyBindingUpdate.class).option(Timestamp.class).orElseThrow());
            MagEvent.TimestampResynchronized resync = mag.expect(MagEvent.TimestampResynchronized.class, WAIT);
            assertEquals(Duration.ofSeconds(100), resync.offset());
            assertEquals(lmaTime, lma.nextPbu(WAIT).as(ProxyBindingUpdate.class).option(Timestamp.class).orElseThrow());
            mag.expect(MagEvent.Registered.class, WAIT);
        }
    }

    @Test
    void aSecondTimestampMismatchIsARejection() throws Exception {
        try (TestLma lma = TestLma.open(); MagFixture mag = mag(lma)) {
            lma.registrationStatus = 156;
            mag.tell(MagCommand.Attach.newAttachment(MN, MAC, AccessTechnologyType.IEEE_802_3));
            mag.expect(MagEvent.TimestampResynchronized.class, WAIT);
            assertEquals(156, mag.expect(MagEvent.Rejected.class, WAIT).statusCode());
            assertEquals(2, lma.pbusWithin(Duration.ofMillis(200)).size(), "one retry only");
            Map<String, BindingUpdateListEntry> list = mag.bindingUpdateList();
            assertFalse(list.containsKey(MN));
        }
    }
}
