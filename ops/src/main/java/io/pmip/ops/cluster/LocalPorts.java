package io.pmip.ops.cluster;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports for LMA processes started next to others (tests, demo, benchmarks). */
public final class LocalPorts {
    private LocalPorts() {
    }

    /** A TCP port free on 127.0.0.1 now (for a cluster port). */
    public static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A UDP port free on 127.0.0.1 now (for the LMA's RFC 5844 port). */
    public static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
