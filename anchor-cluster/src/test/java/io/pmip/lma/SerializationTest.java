package io.pmip.lma;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pmip.lma.prefix.PrefixPoolEntity;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.HandoffIndicator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Everything journaled or sent between nodes goes through Jackson CBOR and comes back equal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SerializationTest {
    private ActorTestKit kit;
    private SerializationTestKit serialization;

    @BeforeAll
    void start() {
        kit = ActorTestKit.create("serialization-test", TestConfigs.actorSystem());
        serialization = kit.serializationTestKit();
    }

    @AfterAll
    void stop() {
        kit.shutdownTestKit();
    }

    private void roundTrips(Object o) {
        assertEquals("JacksonCborSerializer", SerializationExtension.get(kit.system().classicSystem())
                .findSerializerFor(o).getClass().getSimpleName(), "bound through CborSerializable");
        assertEquals(o, serialization.verifySerialization(o, true));
    }

    @Test
    void bindingEventsSessionsAndDecisionsRoundTripThroughCbor() {
        Instant t = Instant.parse("2026-11-23T10:32:00.123Z");
        List<Ipv6Prefix> hnp = List.of(Ipv6Prefix.parse("2001:db8:1:2::/64"));
        Optional<PmipTimestamp> ts = Optional.of(PmipTimestamp.of(t));
        roundTrips(new BindingEvent.Registered("a@x", "if-0", t, "2001:db8:ff::1", "2001:db8:ff::100", hnp,
                Optional.of("default"), AccessTechnologyType.E_UTRAN_3GPP, Optional.of("aabb"),
                HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE, ts, 7, 600, OptionalLong.of(42)));
        roundTrips(new BindingEvent.HandedOff("a@x", "if-0", t, "2001:db8:ff::1", "192.0.2.1", "2001:db8:ff::100", hnp,
                AccessTechnologyType.IEEE_802_11, Optional.empty(), HandoffIndicator.HANDOFF_BETWEEN_INTERFACES,
                Optional.empty(), 1, 60, OptionalLong.empty()));
        roundTrips(new BindingEvent.Deregistered("a@x", "if-0", t, "2001:db8:ff::1", hnp, ts, 8, t.plusSeconds(10)));
        roundTrips(new BindingEvent.Revoked("a@x", "if-0", t, "2001:db8:ff::1", hnp, "operator"));
        BindingState state = BindingState.EMPTY.apply(new BindingEvent.Registered("a@x", "if-0", t, "2001:db8:ff::1",
                "2001:db8:ff::100", hnp, Optional.empty(), AccessTechnologyType.VIRTUAL, Optional.empty(),
                HandoffIndicator.ATTACHMENT_OVER_NEW_INTERFACE, ts, 1, 600, OptionalLong.empty()));
        roundTrips(state);
        roundTrips(new PbaDecision(BindingAckStatus.TIMESTAMP_MISMATCH, "a@x", "2001:db8:ff::1", "2001:db8:ff::100",
                List.of(Ipv6Prefix.UNSPECIFIED), 0, 3, ts, Optional.of(HandoffIndicator.HANDOFF_STATE_UNKNOWN),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), true, "clock"));
    }

    @Test
    void poolEventsAndStateRoundTripThroughCbor() {
        Ipv6Prefix p = Ipv6Prefix.parse("2001:db8::/64");
        roundTrips(new PrefixPoolEntity.PrefixAllocated("a@x/if-0", 5, p));
        roundTrips(new PrefixPoolEntity.PrefixReleased("a@x/if-0", 5, p));
        roundTrips(new PrefixPoolEntity.SpillPointed("a@x/if-0", 3));
        roundTrips(new PrefixPoolEntity.State(9, Map.of("a@x/if-0", 5L), new TreeSet<>(List.of(1L, 2L)),
                Map.of("b@x/if-0", 4)));
    }

    @Test
    void timestampsKeep48Dot16Precision() {
        Instant t = Instant.parse("2026-11-23T10:32:00.5Z");
        assertEquals(t, PmipTimestamp.of(t).toInstant());
        assertEquals((t.getEpochSecond() << 16) | 0x8000, PmipTimestamp.of(t).value());
    }
}
