package io.pmip.protocol.pcap;

import io.pmip.protocol.transport.TransportKind;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One Mobility Header found in a capture, with the addressing it travelled with.
 *
 * @param sourcePort UDP source port for {@link TransportKind#UDP_IPV4}; {@link #NO_PORT} for MH over IPv6
 * @param mhBytes the Mobility Header from its Payload Proto byte to the end of the IP/UDP payload
 */
public record CapturedSignal(
        int frameNumber,
        Instant time,
        TransportKind kind,
        InetAddress source,
        InetAddress destination,
        int sourcePort,
        int destinationPort,
        byte[] mhBytes) implements FrameOutcome {

    public static final int NO_PORT = -1;

    public CapturedSignal {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        mhBytes = mhBytes.clone();
    }

    @Override
    public byte[] mhBytes() {
        return mhBytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CapturedSignal s
                && s.frameNumber == frameNumber
                && s.time.equals(time)
                && s.kind == kind
                && s.source.equals(source)
                && s.destination.equals(destination)
                && s.sourcePort == sourcePort
                && s.destinationPort == destinationPort
                && Arrays.equals(s.mhBytes, mhBytes);
    }

    @Override
    public int hashCode() {
        return 31 * Integer.hashCode(frameNumber) + Arrays.hashCode(mhBytes);
    }

    @Override
    public String toString() {
        return "CapturedSignal[frame=" + frameNumber + ", " + kind + ", " + source.getHostAddress()
                + (sourcePort == NO_PORT ? "" : ":" + sourcePort) + " -> " + destination.getHostAddress()
                + (destinationPort == NO_PORT ? "" : ":" + destinationPort) + ", " + mhBytes.length + " bytes]";
    }
}
