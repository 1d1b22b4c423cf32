package io.pmip.lma.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.mag.MagActor;
import io.pmip.mag.MagCommand;
import io.pmip.mag.MagConfig;
import io.pmip.mag.MagEvent;
import io.pmip.mag.MagNode;
import io.pmip.mag.PbuKind;
import io.pmip.protocol.Bytes;
import io.pmip.protocol.Ipv6Prefix;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.transport.TransportConfig;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Real MAGs (mag-edge) register mobile nodes with a real LMA node over UDP and raw IPv6. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LmaNodeMagTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Ipv6Prefix POOL = Ipv6Prefix.parse("2001:db8:100::/48");

    private TestNetwork net;
    private LmaNode lma;
    private ActorTestKit kit;
    private boolean raw;
    private final List<MagNode> nodes = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        net = TestNetwork.create();
        raw = RawSockets.available();
        lma = net.run(() -> TestNode.start(dir, raw));
        kit = ActorTestKit.create("mags");
    }

    @AfterAll
    void stop() {
        if (kit != null) {
            kit.shutdownTestKit();
        }
        nodes.forEach(MagNode::close);
        if (lma != null) {
            lma.close();
        }
        if (net != null) {
            net.close();
        }
    }

    private TestMag udpMag(String address, Duration lifetime) throws Exception {
        InetAddress local = InetAddress.getByName(address);
        MagNode node = net.run(() -> MagNode.open(TransportConfig.udpIpv4(local, 0)));
        nodes.add(node);
        MagConfig config = MagConfig.defaults(local, lma.udpAddress().getAddress(), lma.udpAddress().getPort())
                .withRequestedLifetime(lifetime).withRefreshFraction(0.25)
                .withBindackTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(4));
        return spawn(config, node);
    }

    private TestMag spawn(MagConfig config, MagNode node) {
        TestProbe<MagEvent> events = kit.createTestProbe(MagEvent.class);
        ActorRef<MagCommand> ref = kit.spawn(MagActor.create(config, node, events.getRef()::tell, Clock.systemUTC()));
        return new TestMag(ref, events, WAIT);
    }

    private static boolean inPool(List<Ipv6Prefix> prefixes) {
        return !prefixes.isEmpty() && prefixes.stream().allMatch(p -> p.length() == 64 && POOL.contains(p));
    }

    @Test
    void udpAttachRefreshHandoffAndDetach() throws Exception {
        TestMag mag1 = udpMag("127.0.0.1", Duration.ofSeconds(8));
        TestMag mag2 = udpMag("127.0.0.2", Duration.ofSeconds(3600));
        Bytes ll = Bytes.fromHex("020000000a01");

        mag1.ref().tell(MagCommand.Attach.newAttachment("alice@lab.example", ll, AccessTechnologyType.IEEE_802_11));
        MagEvent.Registered first = mag1.expect(MagEvent.Registered.class, r -> r.kind() == PbuKind.INITIAL);
        assertTrue(inPool(first.homeNetworkPrefixes()), first.toString());
        assertEquals(Duration.ofSeconds(8), first.lifetime());

        mag1.ref().tell(MagCommand.Attach.newAttachment("bob@lab.example", Bytes.fromHex("020000000a02"),
                AccessTechnologyType.IEEE_802_11));
        MagEvent.Registered bob = mag1.expect(MagEvent.Registered.class, r -> r.mobileNodeIdentifier().equals("bob@lab.example"));
        assertNotEquals(first.homeNetworkPrefixes(), bob.homeNetworkPrefixes(), "each node gets its own prefix");

        // refresh-fraction 0.25 of 8 s: the MAG refreshes after 2 s (RFC 5213 section 6.9.1.2).
        MagEvent.Registered refreshed = mag1.expect(MagEvent.Registered.class,
                r -> r.kind() == PbuKind.REFRESH && r.mobileNodeIdentifier().equals("alice@lab.example"));
        assertEquals(first.homeNetworkPrefixes(), refreshed.homeNetworkPrefixes());

        mag2.ref().tell(MagCommand.Attach.handoff("alice@lab.example", ll, AccessTechnologyType.IEEE_802_11,
                first.homeNetworkPrefixes()));
        MagEvent.Registered handedOff = mag2.expect(MagEvent.Registered.class, r -> r.kind() == PbuKind.HANDOFF);
        assertEquals(first.homeNetworkPrefixes(), handedOff.homeNetworkPrefixes(), "RFC 5213 5.4.1: prefixes move");

        mag2.ref().tell(new MagCommand.Detach("alice@lab.example"));
        MagEvent.Deregistered gone = mag2.expect(MagEvent.Deregistered.class, d -> true);
        assertEquals(0, gone.statusCode());

        var metrics = TestNode.awaitMetrics(lma, m -> m.count("sent", "type", "PBA", "status", "0") >= 5
                && m.pbaLatencySummary().count() >= 5);
        assertTrue(metrics.count("received", "type", "PBU") >= 5);
        assertEquals(0, metrics.total("malformed"));
    }

    @Test
    void mhAttachAndDetachOverRawIpv6() throws Exception {
        Assumptions.assumeTrue(raw, "no CAP_NET_RAW: raw Mobility Header sockets unavailable");
        InetAddress loopback = InetAddress.getByName("::1");
        MagNode node = net.run(() -> MagNode.open(TransportConfig.mhIpv6(loopback)));
        nodes.add(node);
        TestMag mag = spawn(MagConfig.defaults(loopback, lma.mhAddress(), 0)
                .withBindackTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(4)), node);

        mag.ref().tell(MagCommand.Attach.newAttachment("carol@lab.example", Bytes.fromHex("020000000b01"),
                AccessTechnologyType.E_UTRAN_3GPP));
        MagEvent.Registered registered = mag.expect(MagEvent.Registered.class, r -> true);
        assertTrue(inPool(registered.homeNetworkPrefixes()), registered.toString());

        mag.ref().tell(new MagCommand.Detach("carol@lab.example"));
        assertEquals(0, mag.expect(MagEvent.Deregistered.class, d -> true).statusCode());
        assertFalse(lma.metrics().snapshot().count("malformed", "rule", "BAD_CHECKSUM") > 0,
                "checksums of both sides agree");
    }
}
