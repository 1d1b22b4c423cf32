package io.pmip.ops.sim;

import io.pmip.mag.MagNodeTap;
import io.pmip.protocol.mh.ProxyBindingUpdate;
import io.pmip.protocol.pcap.IpPacketBuilder;
import io.pmip.protocol.pcap.PcapWriter;
import io.pmip.protocol.transport.InboundDatagram;
import io.pmip.protocol.transport.OutboundDatagram;
import io.pmip.protocol.transport.SignalingTransport;
import io.pmip.protocol.transport.TransportKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * Writes every datagram the simulated MAGs send and receive to a RAW pcap, wrapped in the IPv4/UDP
 * or IPv6 header it had on the wire. Frames are written under one lock, so the file is whole; a
 * frame that fails to write is counted, not thrown at the MAG.
 */
final class PcapTap implements MagNodeTap, AutoCloseable {
    /** RFC 6275 section 6.1.1: MH Type is the third octet. */
    private static final int MH_TYPE_OFFSET = 2;

    private final PcapWriter writer;
    private final LongAdder frames = new LongAdder();
    private final LongAdder failures = new LongAdder();

    private PcapTap(PcapWriter writer) {
        this.writer = writer;
    }

    static PcapTap create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new PcapTap(PcapWriter.open(Files.newOutputStream(file)));
    }

    @Override
    public void sent(SignalingTransport transport, OutboundDatagram d, boolean accepted) {
        if (!accepted) {
            return;
        }
        if (transport.kind() == TransportKind.MH_IPV6) {
            Inet6Address source = (Inet6Address) (d.source() != null ? d.source() : transport.localAddress());
            write(IpPacketBuilder.ipv6(source, (Inet6Address) d.destination(), d.payload()));
        } else {
            write(IpPacketBuilder.ipv4Udp((Inet4Address) transport.localAddress(), transport.localPort(),
                    (Inet4Address) d.destination(), d.destinationPort(), d.payload()));
        }
    }

    @Override
    public void received(InboundDatagram d) {
        if (d.kind() == TransportKind.MH_IPV6) {
            // A raw socket also receives the host's own outgoing PBUs; they are in the capture already.
            if (d.payload().length > MH_TYPE_OFFSET && d.payload()[MH_TYPE_OFFSET] == ProxyBindingUpdate.MH_TYPE) {
                return;
            }
            write(IpPacketBuilder.ipv6((Inet6Address) d.source(), (Inet6Address) d.destination(), d.payload()));
        } else {
            write(IpPacketBuilder.ipv4Udp((Inet4Address) d.source(), d.sourcePort(), (Inet4Address) d.destination(),
                    d.destinationPort(), d.payload()));
        }
    }

    private void write(byte[] frame) {
        try {
            synchronized (writer) {
                writer.write(Instant.now(), frame);
            }
            frames.increment();
        } catch (IOException | RuntimeException e) {
            failures.increment();
        }
    }

    long frames() {
        return frames.sum();
    }

    long failures() {
        return failures.sum();
    }

    @Override
    public void close() {
        try {
            synchronized (writer) {
                writer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
