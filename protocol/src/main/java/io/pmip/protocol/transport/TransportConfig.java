package io.pmip.protocol.transport;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * What to open: the kind, where to bind, and the bounds of the transport's buffers.
 *
 * @param port             UDP port to bind (0 for an ephemeral port); must be 0 for MH_IPV6
 * @param sendQueueCapacity datagrams waiting to be sent before {@link SignalingTransport#send} refuses
 * @param maxDatagramBytes  largest Mobility Header accepted either way
 * @param reusePort         SO_REUSEPORT on the UDP socket, so several processes share one address and port
 * @param receiveBufferBytes SO_RCVBUF asked of the kernel, 0 for its default: datagrams that arrive while
 *                          the receive thread is busy wait there, and a burst beyond it is dropped unseen
 */
public record TransportConfig(
        TransportKind kind,
        InetAddress localAddress,
        int port,
        int sendQueueCapacity,
        int maxDatagramBytes,
        boolean reusePort,
        int receiveBufferBytes) {

    /**
     * The largest Mobility Header there is: Header Len is 8 bits in units of 8 octets, not
     * counting the first 8 (RFC 6275 section 6.1.1), so (255 + 1) * 8.
     */
    public static final int MAX_MOBILITY_HEADER_BYTES = 2048;
    public static final int DEFAULT_SEND_QUEUE_CAPACITY = 1024;

    public TransportConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(localAddress, "localAddress");
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (sendQueueCapacity < 1) {
            throw new IllegalArgumentException("sendQueueCapacity must be positive: " + sendQueueCapacity);
        }
        if (receiveBufferBytes < 0) {
            throw new IllegalArgumentException("receiveBufferBytes must not be negative: " + receiveBufferBytes);
        }
        if (maxDatagramBytes < 1 || maxDatagramBytes > 65_535) {
            throw new IllegalArgumentException("maxDatagramBytes out of range: " + maxDatagramBytes);
        }
        switch (kind) {
            case MH_IPV6 -> {
                if (!(localAddress instanceof Inet6Address)) {
                    throw new IllegalArgumentException("MH_IPV6 needs an IPv6 local address: " + localAddress);
                }
                if (port != 0) {
                    throw new IllegalArgumentException("MH_IPV6 has no ports: " + port);
                }
            }
            case UDP_IPV4 -> {
                if (!(localAddress instanceof Inet4Address)) {
                    throw new IllegalArgumentException("UDP_IPV4 needs an IPv4 local address: " + localAddress);
                }
            }
        }
    }

    /** Defaults: queue of 1024, datagrams up to 2048 bytes, SO_REUSEPORT on for UDP, the kernel's SO_RCVBUF. */
    public static TransportConfig of(TransportKind kind, InetAddress localAddress, int port) {
        return new TransportConfig(kind, localAddress, port, DEFAULT_SEND_QUEUE_CAPACITY,
                MAX_MOBILITY_HEADER_BYTES, kind == TransportKind.UDP_IPV4, 0);
    }

    /**
     * From configuration text: {@code kind} is a {@link TransportKind} name (case-insensitive,
     * '-' allowed for '_'), {@code localAddress} an IP address literal (never resolved by DNS).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static TransportConfig parse(String kind, String localAddress, int port) {
        TransportKind parsedKind;
        try {
            parsedKind = TransportKind.valueOf(kind.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown transport kind '" + kind + "', expected one of "
                    + java.util.Arrays.toString(TransportKind.values()), e);
        }
        return of(parsedKind, literal(localAddress), port);
    }

    private static InetAddress literal(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        // Only literals: IPv4 is digits and dots, IPv6 has a colon; anything else would go to DNS.
        boolean ipv4 = !trimmed.isEmpty() && trimmed.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
        boolean ipv6 = trimmed.indexOf(':') >= 0
                && trimmed.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("not an IP address literal: '" + text + "'");
        }
        try {
            return InetAddress.getByName(trimmed);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: '" + text + "'", e);
        }
    }

    /** The raw IPv6 Mobility Header transport bound to {@code localAddress} (may be ::). */
    public static TransportConfig mhIpv6(InetAddress localAddress) {
        return of(TransportKind.MH_IPV6, localAddress, 0);
    }

    /** The RFC 5844 UDP transport on {@code localAddress}:{@code port} (5436 in production). */
    public static TransportConfig udpIpv4(InetAddress localAddress, int port) {
        return of(TransportKind.UDP_IPV4, localAddress, port);
    }

    public TransportConfig withSendQueueCapacity(int capacity) {
        return new TransportConfig(kind, localAddress, port, capacity, maxDatagramBytes, reusePort,
                receiveBufferBytes);
    }

    public TransportConfig withMaxDatagramBytes(int max) {
        return new TransportConfig(kind, localAddress, port, sendQueueCapacity, max, reusePort, receiveBufferBytes);
    }

    public TransportConfig withReusePort(boolean reuse) {
        return new TransportConfig(kind, localAddress, port, sendQueueCapacity, maxDatagramBytes, reuse,
                receiveBufferBytes);
    }

    /** Linux doubles what is asked (for its bookkeeping) and caps it at twice net.core.rmem_max. */
    public TransportConfig withReceiveBufferBytes(int bytes) {
        return new TransportConfig(kind, localAddress, port, sendQueueCapacity, maxDatagramBytes, reusePort, bytes);
    }
}
