package io.pmip.lma.peer;

import io.pmip.lma.Addresses;
import io.pmip.lma.signaling.SignalingIngress;
import io.pmip.persistence.CborSerializable;
import io.pmip.protocol.transport.TransportKind;
import java.util.Optional;

/**
 * How the LMA reaches a MAG with a request of its own: the transport, the MAG's address and source
 * port, and the LMA address the MAG used (the request must come from it). Journaled as canonical
 * literals ({@link Addresses}), the form sessions name their serving MAG in.
 */
public record MagAddress(TransportKind kind, String mag, int port, Optional<String> lmaAddress)
        implements CborSerializable {

    static MagAddress of(SignalingIngress.MagContact contact) {
        return new MagAddress(contact.kind(), Addresses.canonical(contact.mag()), contact.port(),
                Optional.ofNullable(contact.lmaAddress()).map(Addresses::canonical));
    }
}
