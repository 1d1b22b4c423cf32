package io.pmip.protocol.pcap;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/**
 * Writes a classic libpcap file: little-endian, microsecond timestamps, version 2.4, link type
 * RAW (101) unless another is asked for.
 */
public final class PcapWriter implements Closeable, Flushable {
    private static final long MAX_SECONDS = 0xffff_ffffL;

    private final OutputStream out;
    private final ByteBuffer recordHeader =
            ByteBuffer.allocate(PcapReader.RECORD_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);

    private PcapWriter(OutputStream out) {
        this.out = out;
    }

    /** A writer of RAW frames: each frame is one IPv4 or IPv6 packet. */
    public static PcapWriter open(OutputStream out) throws IOException {
        return open(out, LinkType.RAW);
    }

    public static PcapWriter open(OutputStream out, LinkType linkType) throws IOException {
        PcapWriter writer = new PcapWriter(new BufferedOutputStream(out));
        ByteBuffer header = ByteBuffer.allocate(PcapReader.GLOBAL_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(PcapReader.MAGIC_MICROSECONDS)
                .putShort((short) 2)
                .putShort((short) 4)
                .putInt(0)
                .putInt(0)
                .putInt(PcapReader.MAX_RECORD_LENGTH)
                .putInt(linkType.wireValue());
        writer.out.write(header.array());
        return writer;
    }

    /** Appends one frame, stored whole (incl_len equals orig_len). */
    public void write(Instant time, byte[] frame) throws IOException {
        if (time.getEpochSecond() < 0 || time.getEpochSecond() > MAX_SECONDS) {
            throw new IllegalArgumentException("pcap timestamps cover 1970 to 2106: " + time);
        }
        if (frame.length > PcapReader.MAX_RECORD_LENGTH) {
            throw new IllegalArgumentException("frame of " + frame.length + " bytes exceeds the snapshot length");
        }
        recordHeader.clear();
        recordHeader.putInt((int) time.getEpochSecond())
                .putInt(time.getNano() / 1000)
                .putInt(frame.length)
                .putInt(frame.length);
        out.write(recordHeader.array());
        out.write(frame);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
