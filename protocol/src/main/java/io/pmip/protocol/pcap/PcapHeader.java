package io.pmip.protocol.pcap;

import java.nio.ByteOrder;

/**
 * The pcap global header as read from the file.
 *
 * @param byteOrder order of every multi-byte header field in the file, told by the magic number
 * @param nanosecondTimestamps true for magic 0xa1b23c4d, whose sub-second field counts nanoseconds
 * @param snapLength the snapshot length the file declares; informative only, never trusted
 */
public record PcapHeader(
        ByteOrder byteOrder,
        boolean nanosecondTimestamps,
        int versionMajor,
        int versionMinor,
        long snapLength,
        LinkType linkType) {
}
