package io.pmip.mag;

import io.pmip.protocol.testsupport.Netns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.transport.TransportConfig;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;

/** The same MAG over the raw IPv6 Mobility Header transport, in a private namespace on ::1. */
class Ipv6TransportTest extends MagTestBase {
    private static final String MN = "v6@example.org";

    @Test
    void registersOverTheRawIpv6TransportWithVerifiedChecksums() throws Exception {
        assumeTrue(Netns.available(), "needs CAP_NET_RAW and CAP_SYS_ADMIN");
        InetAddress loopback = InetAddress.getByName("::1");
        try (Netns ns = Netns.create("mag");
                TestLma lma = ns.run(() -> TestLma.open(TransportConfig.mhIpv6(loopback)));
                MagNode node = ns.run(() -> MagNode.open(TransportConfig.mhIpv6(loopback)))) {
            MagConfig config = MagConfig.defaults(loopback, loopback, 0);
            var events = kit.createTestProbe(MagEvent.class);
            ActorRef<MagCommand> mag = kit.spawn(MagActor.create(config, node, events.getRef()::tell, MagFixture.CLOCK));
            mag.tell(MagCommand.Attach.newAttachment(MN, MAC, AccessTechnologyType.IEEE_802_3));

            // The test LMA decodes STRICTLY with the checksum verified over ::1 -> ::1.
            ProxyBindingUpdate pbu = lma.nextPbu(WAIT).as(ProxyBindingUpdate.class);
            assertEquals(MN, pbu.option(MobileNodeIdentifier.class).orElseThrow().naiText().orElseThrow());
            MagEvent.Registered registered = null;
            while (registered == null) {
                if (events.receiveMessage(WAIT) instanceof MagEvent.Registered r) {
                    registered = r;
                }
            }
            assertEquals(List.of(lma.prefixOf(MN)), registered.homeNetworkPrefixes());
            assertTrue(lma.decodeFailures().isEmpty(), lma.decodeFailures().toString());

            // A PBA whose checksum is off by one bit is malformed: counted, dropped.
            byte[] bad = MobilityHeaderEncoder.encode(ProxyBindingAcknowledgement.of(BindingAckStatus.ACCEPTED, 1, 1,
                    List.of(MobileNodeIdentifier.nai(MN))), (Inet6Address) loopback, (Inet6Address) loopback);
            bad[5] ^= 1;
            long before = node.stats().malformed();
            lma.sendRaw(bad, loopback, 0);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (node.stats().malformed() == before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(before + 1, node.stats().malformed());
            kit.stop(mag);
        }
    }
}
