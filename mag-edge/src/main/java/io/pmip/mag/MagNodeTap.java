package io.pmip.mag;

import io.pmip.protocol.transport.InboundDatagram;
import io.pmip.protocol.transport.OutboundDatagram;
import io.pmip.protocol.transport.SignalingTransport;

/**
 * Sees every datagram a {@link MagNode} hands to its transport or receives from it, before
 * decoding: what a capture (pcap) of the MAG side needs. Called on the MAG actors' threads (sent)
 * and the transport's receive thread (received), so it must be quick and thread-safe.
 */
public interface MagNodeTap {
    MagNodeTap NONE = new MagNodeTap() {
        @Override
        public void sent(SignalingTransport transport, OutboundDatagram datagram, boolean accepted) {
        }

        @Override
        public void received(InboundDatagram datagram) {
        }
    };

    /** {@code accepted} is false when the transport refused the datagram (queue full, closed). */
    void sent(SignalingTransport transport, OutboundDatagram datagram, boolean accepted);

    void received(InboundDatagram datagram);
}
