package io.pmip.protocol.transport;

/**
 * Receives datagrams on the transport's receive thread. It should hand the datagram off quickly
 * (to a queue or an actor): while it runs, further datagrams wait in the kernel's socket buffer.
 * An exception it throws is counted as {@link DropReason#HANDLER_EXCEPTION} and the loop goes on.
 */
@FunctionalInterface
public interface InboundHandler {
    void onDatagram(InboundDatagram datagram);
}
