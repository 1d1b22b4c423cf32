package io.pmip.mag;

import io.pmip.protocol.transport.TransportConfig;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;

/** One MAG under test: its node (real UDP transport), its actor and a probe on its events. */
final class MagFixture implements AutoCloseable {
    /** Timestamps come from a fixed clock so tests can assert them exactly. */
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final MagNode node;
    final ActorRef<MagCommand> mag;
    final TestProbe<MagEvent> events;
    private final ActorTestKit kit;

    private MagFixture(ActorTestKit kit, MagNode node, ActorRef<MagCommand> mag, TestProbe<MagEvent> events) {
        this.kit = kit;
        this.node = node;
        this.mag = mag;
        this.events = events;
    }

    /**
     * A MAG on {@code address} registering with {@code lma}; bind-ack timeouts generous enough
     * that a loaded machine does not retransmit unless the test wants it.
     */
    static MagFixture start(ActorTestKit kit, TestLma lma, String address, UnaryOperator<MagConfig> tweak)
            throws Exception {
        InetAddress local = InetAddress.getByName(address);
        MagNode node = MagNode.open(TransportConfig.udpIpv4(local, 0));
        MagConfig config = tweak.apply(MagConfig.defaults(local, lma.address(), lma.port())
                .withBindackTimeouts(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(4)));
        TestProbe<MagEvent> events = kit.createTestProbe(MagEvent.class);
        ActorRef<MagCommand> mag = kit.spawn(MagActor.create(config, node, events.getRef()::tell, CLOCK));
        return new MagFixture(kit, node, mag, events);
    }

    void tell(MagCommand command) {
        mag.tell(command);
    }

    /** The next event of this type; other events are skipped. */
    <T extends MagEvent> T expect(Class<T> type, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + within);
            }
            MagEvent event = events.receiveMessage(Duration.ofNanos(left));
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
    }

    Map<String, BindingUpdateListEntry> bindingUpdateList() {
        TestProbe<Map<String, BindingUpdateListEntry>> reply = kit.createTestProbe();
        mag.tell(new MagCommand.GetBindingUpdateList(reply.getRef()));
        return reply.receiveMessage(Duration.ofSeconds(3));
    }

    PathState pathState() {
        TestProbe<PathState> reply = kit.createTestProbe(PathState.class);
        mag.tell(new MagCommand.GetPathState(reply.getRef()));
        return reply.receiveMessage(Duration.ofSeconds(3));
    }

    @Override
    public void close() {
        kit.stop(mag, Duration.ofSeconds(5));
        node.close();
    }
}
