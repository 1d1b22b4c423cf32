package io.pmip.ops.demo;

import com.typesafe.config.ConfigFactory;
import io.pmip.mag.MagActor;
import io.pmip.mag.MagCommand;
import io.pmip.mag.MagConfig;
import io.pmip.mag.MagEvent;
import io.pmip.mag.MagNode;
import io.pmip.protocol.transport.TransportConfig;
import io.pmip.protocol.transport.TransportException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** Real MAG actors (mag-edge) in a local actor system, with their events gathered for the demo. */
final class DemoMags implements AutoCloseable {
    /** One MAG: its name, Proxy-CoA, transport and actor. */
    record Mag(String name, InetAddress proxyCareOfAddress, String transport, ActorRef<MagCommand> ref) {
    }

    /** An event and the MAG that reported it. */
    record Reported(Mag mag, MagEvent event) {
    }

    private final ActorSystem<Void> system;
    private final List<MagNode> nodes = new ArrayList<>();
    private final BlockingQueue<Reported> events = new LinkedBlockingQueue<>();

    DemoMags() {
        this.system = ActorSystem.create(Behaviors.empty(), "pmip-demo-mags",
                ConfigFactory.parseString("pekko.actor.provider = local\npekko.loglevel = WARNING")
                        .withFallback(ConfigFactory.defaultReference()));
    }

    /** A MAG over RFC 5844 UDP from {@code local} to the LMA. */
    Mag udp(String name, String local, InetAddress lma, int lmaPort) throws Exception {
        InetAddress address = InetAddress.getByName(local);
        MagNode node = open(TransportConfig.udpIpv4(address, 0));
        return spawn(name, "UDP", MagConfig.defaults(address, lma, lmaPort), node);
    }

    /** A MAG over raw IPv6 Mobility Header from ::1 to the LMA (needs CAP_NET_RAW). */
    Mag mh(String name, InetAddress lma) throws Exception {
        InetAddress address = InetAddress.getByName("::1");
        MagNode node = open(TransportConfig.mhIpv6(address));
        return spawn(name, "IPv6 MH", MagConfig.defaults(address, lma, 0), node);
    }

    private MagNode open(TransportConfig config) throws TransportException {
        MagNode node = MagNode.open(config);
        nodes.add(node);
        return node;
    }

    private Mag spawn(String name, String transport, MagConfig config, MagNode node) {
        Mag[] self = new Mag[1];
        ActorRef<MagCommand> ref = system.systemActorOf(
                MagActor.create(config, node, e -> events.add(new Reported(self[0], e)), Clock.systemUTC()),
                name, Props.empty());
        self[0] = new Mag(name, config.proxyCareOfAddress(), transport, ref);
        return self[0];
    }

    /**
     * The next event of {@code type} matching {@code filter}; every event seen on the way is handed
     * to {@code seen} (the summary keeps latencies and statuses).
     *
     * @throws IllegalStateException when none comes within {@code within}
     */
    <T extends MagEvent> T await(Class<T> type, Predicate<T> filter, Duration within,
            java.util.function.Consumer<Reported> seen) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Reported r = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (r == null) {
                throw new IllegalStateException("no " + type.getSimpleName() + " within " + within);
            }
            seen.accept(r);
            if (type.isInstance(r.event()) && filter.test(type.cast(r.event()))) {
                return type.cast(r.event());
            }
        }
    }

    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the MAG system is local and holds nothing durable
        }
        nodes.forEach(MagNode::close);
    }
}
