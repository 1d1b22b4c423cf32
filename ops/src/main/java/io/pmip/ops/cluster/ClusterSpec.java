package io.pmip.ops.cluster;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code pmip cluster start} starts: {@code nodes} LMA processes on one host, node k on cluster
 * port {@code basePort + k - 1}, all seeded by node 1, all sharing the UDP address (SO_REUSEPORT),
 * the raw Mobility Header transport on node 1 only (every raw socket on a host sees every datagram).
 *
 * @param journal      "cassandra" or "inmem"
 * @param udpPort      the shared UDP port (5436, RFC 5844)
 * @param mhOnFirst    whether node 1 opens the raw MH transport (needs CAP_NET_RAW)
 * @param configFile   an operator's HOCON file given to every node
 * @param adminBasePort node k serves its admin API on {@code adminBasePort + k - 1} (PMIP_ADMIN_PORT)
 */
public record ClusterSpec(int nodes, String journal, String host, int basePort, int udpPort, boolean mhOnFirst,
        Optional<Path> configFile, int adminBasePort) {
    public static final int DEFAULT_BASE_PORT = 25520;
    public static final int DEFAULT_ADMIN_BASE_PORT = 8080;

    public ClusterSpec {
        if (nodes < 1 || nodes > 16) {
            throw new IllegalArgumentException("--nodes must be 1..16: " + nodes);
        }
        if (!journal.equals("cassandra") && !journal.equals("inmem")) {
            throw new IllegalArgumentException("--journal must be cassandra or inmem: " + journal);
        }
        if (basePort < 1 || basePort + nodes - 1 > 0xffff || udpPort < 0 || udpPort > 0xffff
                || adminBasePort < 1 || adminBasePort + nodes - 1 > 0xffff) {
            throw new IllegalArgumentException("ports out of range");
        }
    }

    public int clusterPort(int node) {
        return basePort + node - 1;
    }

    public int adminPort(int node) {
        return adminBasePort + node - 1;
    }

    /** The seed of every node: node 1. */
    public String seedNodes() {
        return host + ":" + basePort;
    }
}
