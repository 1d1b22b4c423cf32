package io.pmip.protocol.pcap;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a classic libpcap file (not pcapng) record by record. Lengths in the file are not
 * trusted: a record longer than {@link #MAX_RECORD_LENGTH} or running past the end of the file
 * ends reading with a {@link FrameError}, because a pcap file has no marker to resynchronise on.
 */
public final class PcapReader implements Closeable {
    /** Wireshark's WTAP_MAX_PACKET_SIZE_STANDARD; the declared snaplen is not trusted instead. */
    public static final int MAX_RECORD_LENGTH = 262_144;

    static final int GLOBAL_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;
    static final int MAGIC_MICROSECONDS = 0xa1b2c3d4;
    static final int MAGIC_NANOSECONDS = 0xa1b23c4d;
    private static final int MAGIC_PCAPNG = 0x0a0d0d0a;

    private final InputStream in;
    private final PcapHeader header;
    private long offset = GLOBAL_HEADER_LENGTH;
    private int frameNumber;
    private boolean finished;

    private PcapReader(InputStream in, PcapHeader header) {
        this.in = in;
        this.header = header;
    }

    /** Reads the global header; the stream is closed by {@link #close()}. */
    public static PcapReader open(InputStream stream) throws IOException, PcapFormatException {
        InputStream in = stream instanceof BufferedInputStream ? stream : new BufferedInputStream(stream);
        byte[] global = in.readNBytes(GLOBAL_HEADER_LENGTH);
        if (global.length >= 4 && ByteBuffer.wrap(global).getInt(0) == MAGIC_PCAPNG) {
            throw new PcapFormatException(0, "pcapng is not supported; convert with 'editcap -F pcap IN OUT'");
        }
        if (global.length < GLOBAL_HEADER_LENGTH) {
            throw new PcapFormatException(global.length, "file ends inside the 24-byte pcap global header");
        }
        ByteBuffer buf = ByteBuffer.wrap(global).order(ByteOrder.BIG_ENDIAN);
        int magic = buf.getInt(0);
        boolean nanos;
        if (magic == MAGIC_MICROSECONDS || magic == MAGIC_NANOSECONDS) {
            nanos = magic == MAGIC_NANOSECONDS;
        } else if (Integer.reverseBytes(magic) == MAGIC_MICROSECONDS
                || Integer.reverseBytes(magic) == MAGIC_NANOSECONDS) {
            nanos = Integer.reverseBytes(magic) == MAGIC_NANOSECONDS;
            buf.order(ByteOrder.LITTLE_ENDIAN);
        } else {
            throw new PcapFormatException(0, String.format("not a pcap file (magic 0x%08x)", magic));
        }
        int major = Short.toUnsignedInt(buf.getShort(4));
        int minor = Short.toUnsignedInt(buf.getShort(6));
        if (major != 2) {
            throw new PcapFormatException(4, "unsupported pcap version " + major + "." + minor);
        }
        long snapLength = Integer.toUnsignedLong(buf.getInt(16));
        // The upper bits of the link-type field carry FCS information, not the type.
        int linkValue = buf.getInt(20) & 0xffff;
        LinkType linkType = LinkType.fromWire(linkValue).orElseThrow(() -> new PcapFormatException(20,
                "unsupported link type " + linkValue + " (supported: Ethernet, RAW, Linux SLL/SLL2)"));
        return new PcapReader(in, new PcapHeader(buf.order(), nanos, major, minor, snapLength, linkType));
    }

    public PcapHeader header() {
        return header;
    }

    /**
     * The next record, a {@link FrameError} that ends the file, or empty after the last record.
     */
    public Optional<RecordRead> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        long recordOffset = offset;
        byte[] rh = in.readNBytes(RECORD_HEADER_LENGTH);
        if (rh.length == 0) {
            finished = true;
            return Optional.empty();
        }
        int number = ++frameNumber;
        if (rh.length < RECORD_HEADER_LENGTH) {
            return fail(new FrameError(number, recordOffset, -1, FrameError.Kind.TRUNCATED_RECORD_HEADER,
                    "file ends " + rh.length + " bytes into the 16-byte record header"));
        }
        ByteBuffer buf = ByteBuffer.wrap(rh).order(header.byteOrder());
        long seconds = Integer.toUnsignedLong(buf.getInt(0));
        long fraction = Integer.toUnsignedLong(buf.getInt(4));
        long includedLength = Integer.toUnsignedLong(buf.getInt(8));
        long originalLength = Integer.toUnsignedLong(buf.getInt(12));
        if (includedLength > MAX_RECORD_LENGTH) {
            return fail(new FrameError(number, recordOffset + 8, -1, FrameError.Kind.RECORD_TOO_LONG,
                    "incl_len " + includedLength + " exceeds " + MAX_RECORD_LENGTH));
        }
        byte[] data = in.readNBytes((int) includedLength);
        long dataOffset = recordOffset + RECORD_HEADER_LENGTH;
        offset = dataOffset + data.length;
        if (data.length < includedLength) {
            return fail(new FrameError(number, offset, data.length, FrameError.Kind.TRUNCATED_RECORD_DATA,
                    "incl_len " + includedLength + " but only " + data.length + " bytes remain"));
        }
        Instant time = Instant.ofEpochSecond(seconds, header.nanosecondTimestamps() ? fraction : fraction * 1000);
        return Optional.of(new PcapRecord(number, time, originalLength, dataOffset, data));
    }

    private Optional<RecordRead> fail(FrameError error) {
        finished = true;
        return Optional.of(error);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
