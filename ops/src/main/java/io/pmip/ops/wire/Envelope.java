package io.pmip.ops.wire;

import io.pmip.protocol.pcap.CapturedSignal;
import io.pmip.protocol.transport.TransportKind;
import java.net.InetAddress;
import java.time.Instant;

/**
 * How one Mobility Header travelled: the fields of a JSON line around the message. Anything not
 * known is null ({@link CapturedSignal#NO_PORT} for ports): a message given as hex has no frame.
 */
record Envelope(Integer frame, Instant time, TransportKind transport, InetAddress source, InetAddress destination,
        int sourcePort, int destinationPort) {

    static Envelope of(CapturedSignal s) {
        return new Envelope(s.frameNumber(), s.time(), s.kind(), s.source(), s.destination(), s.sourcePort(),
                s.destinationPort());
    }
}
