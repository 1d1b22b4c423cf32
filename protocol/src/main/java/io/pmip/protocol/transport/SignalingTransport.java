package io.pmip.protocol.transport;

import java.net.InetAddress;

/**
 * Moves undecoded Mobility Header bytes. Receiving runs on the transport's own thread and
 * delivers to the {@link InboundHandler} given when it was opened; sending is non-blocking onto a
 * bounded queue drained by a second thread.
 */
public sealed interface SignalingTransport extends AutoCloseable permits AbstractSignalingTransport {

    TransportKind kind();

    /** The bound local address (possibly a wildcard for {@link TransportKind#MH_IPV6}). */
    InetAddress localAddress();

    /** The bound local port; 0 for {@link TransportKind#MH_IPV6}. */
    int localPort();

    /**
     * Queues a datagram for sending. Returns false, counting the reason in {@link #stats()}, when
     * the transport is closed, the queue is full, the datagram is oversize, or it has no usable
     * source address.
     *
     * @throws IllegalArgumentException when the destination's address family does not match the kind
     */
    boolean send(OutboundDatagram datagram);

    TransportStats stats();

    /** The socket's SO_RCVBUF as the kernel reports it (what was granted, not what was asked). */
    int receiveBufferBytes();

    /** Stops both threads and releases the socket; idempotent. */
    @Override
    void close();
}
