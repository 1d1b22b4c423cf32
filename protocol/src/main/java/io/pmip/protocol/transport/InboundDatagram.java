package io.pmip.protocol.transport;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * One received Mobility Header, still undecoded. {@code destination} is the address the datagram
 * was sent to: it enters the checksum pseudo-header (RFC 6275 section 6.1.1) and is the source
 * of the reply. Ports are 0 for {@link TransportKind#MH_IPV6}.
 *
 * <p>The payload array is a fresh copy owned by the receiver; it is not copied again here.
 */
public record InboundDatagram(
        byte[] payload,
        InetAddress source,
        int sourcePort,
        InetAddress destination,
        int destinationPort,
        TransportKind kind,
        Instant receivedAt) {

    public InboundDatagram {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** A datagram back to the sender, sent from the address this one arrived on. */
    public OutboundDatagram reply(byte[] replyPayload) {
        return new OutboundDatagram(replyPayload, source, sourcePort, destination);
    }

    @Override
    public String toString() {
        return "InboundDatagram[" + kind + " " + payload.length + " bytes " + source.getHostAddress() + "/"
                + sourcePort + " -> " + destination.getHostAddress() + "/" + destinationPort + " at "
                + receivedAt + "]";
    }
}
