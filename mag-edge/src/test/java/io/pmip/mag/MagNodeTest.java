package io.pmip.mag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pmip.protocol.mh.AccessTechnologyType;
import io.pmip.protocol.mh.BindingAckStatus;
import io.pmip.protocol.mh.ProxyBindingAcknowledgement;
import io.pmip.protocol.mh.option.MobileNodeIdentifier;
import io.pmip.protocol.transport.TransportConfig;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MagNodeTest extends MagTestBase {

    @Test
    void malformedAndUnroutableDatagramsAreCountedAndDropped() throws Exception {
        try (TestLma lma = TestLma.open(); MagFixture mag = mag(lma)) {
            InetAddress to = mag.node.transport().localAddress();
            int port = mag.node.transport().localPort();
            lma.sendRaw(new byte[] {59, 9, 6, 0, 0, 0, 1, 2}, to, port); // Header Len says 80 octets
            lma.send(ProxyBindingAcknowledgement.of(BindingAckStatus.ACCEPTED, 1, 10,
                    List.of(MobileNodeIdentifier.nai("stranger@example.org"))), to, port);
            awaitEquals(1, () -> mag.node.stats().malformed());
            awaitEquals(1, () -> mag.node.stats().unroutable());

            // The MAG still works.
            mag.tell(MagCommand.Attach.newAttachment("mn@example.org", MAC, AccessTechnologyType.IEEE_802_3));
            mag.expect(MagEvent.Registered.class, WAIT);
        }
    }

    @Test
    void overUdpTheProxyCoaMustBeTheBoundAddress() throws Exception {
        try (MagNode node = MagNode.open(TransportConfig.udpIpv4(InetAddress.getByName("127.0.0.1"), 0))) {
            MagConfig elsewhere = MagConfig.defaults(InetAddress.getByName("127.0.0.3"),
                    InetAddress.getByName("127.0.0.1"), 5436);
            assertThrows(IllegalArgumentException.class, () -> node.link(elsewhere, kit.createTestProbe(MagCommand.class).getRef()));
            MagConfig ipv6Lma = MagConfig.defaults(InetAddress.getByName("::1"), InetAddress.getByName("::1"), 0);
            assertThrows(IllegalArgumentException.class, () -> node.link(ipv6Lma, kit.createTestProbe(MagCommand.class).getRef()));
        }
    }

    @Test
    void configRejectsNonsense() throws Exception {
        InetAddress a = InetAddress.getByName("127.0.0.1");
        MagConfig ok = MagConfig.defaults(a, a, 5436);
        assertEquals(900, ok.requestedLifetimeUnits());
        assertThrows(IllegalArgumentException.class, () -> ok.withRefreshFraction(1.0));
        assertThrows(IllegalArgumentException.class, () -> ok.withRequestedLifetime(Duration.ofDays(4)));
        assertThrows(IllegalArgumentException.class,
                () -> MagConfig.defaults(a, InetAddress.getByName("::1"), 5436));
        assertThrows(IllegalArgumentException.class, () -> BulkRefreshConfig.groupsOf(3, 1));
    }

    private static void awaitEquals(long expected, java.util.function.LongSupplier actual) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (actual.getAsLong() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, actual.getAsLong());
    }
}
