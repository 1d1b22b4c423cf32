package io.pmip.protocol.transport;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A complete Mobility Header to send, with its checksum already computed for {@code source} and
 * {@code destination}. {@code source} may be null to mean the transport's bound local address;
 * it must be given when the transport is bound to a wildcard address, because the checksum
 * covers it. {@code destinationPort} is ignored by {@link TransportKind#MH_IPV6}.
 */
public record OutboundDatagram(byte[] payload, InetAddress destination, int destinationPort, InetAddress source) {

    public OutboundDatagram {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(destination, "destination");
        if (destinationPort < 0 || destinationPort > 0xffff) {
            throw new IllegalArgumentException("destination port out of range: " + destinationPort);
        }
    }

    /** A Mobility Header to {@code destination} from the transport's bound address. */
    public static OutboundDatagram to(InetAddress destination, int destinationPort, byte[] payload) {
        return new OutboundDatagram(payload, destination, destinationPort, null);
    }

    @Override
    public String toString() {
        return "OutboundDatagram[" + payload.length + " bytes " + (source == null ? "*" : source.getHostAddress())
                + " -> " + destination.getHostAddress() + "/" + destinationPort + "]";
    }
}
