package io.pmip.lma.node;

import io.pmip.protocol.transport.MissingCapabilityException;
import io.pmip.protocol.transport.SignalingTransport;
import io.pmip.protocol.transport.SignalingTransports;
import io.pmip.protocol.transport.TransportConfig;
import java.net.InetAddress;

/** Whether this process may open raw Mobility Header sockets (CAP_NET_RAW). */
final class RawSockets {
    private RawSockets() {
    }

    static boolean available() {
        try (SignalingTransport t = SignalingTransports.open(TransportConfig.mhIpv6(InetAddress.getByName("::1")),
                d -> { })) {
            return true;
        } catch (MissingCapabilityException e) {
            return false;
        } catch (Exception e) {
            throw new AssertionError("cannot probe raw sockets", e);
        }
    }
}
