package io.pmip.protocol.pcap;

/**
 * One frame could not be read or decoded down to its signaling payload.
 *
 * @param fileOffset absolute offset in the capture file of the byte where decoding failed
 * @param frameOffset the same position counted from the first byte of the frame's data, or -1
 *     when the failure is in the pcap record header itself
 */
public record FrameError(int frameNumber, long fileOffset, int frameOffset, Kind kind, String detail)
        implements FrameOutcome, RecordRead {

    public enum Kind {
        /** The file ends inside a 16-byte record header; reading stops. */
        TRUNCATED_RECORD_HEADER,
        /** The file ends before incl_len bytes of frame data; reading stops. */
        TRUNCATED_RECORD_DATA,
        /** incl_len exceeds what any sane capture holds; the file cannot be resynchronised. */
        RECORD_TOO_LONG,
        /** The frame is shorter than its link-layer header. */
        TRUNCATED_LINK_HEADER,
        /** The frame is shorter than the IP header, or than the IP packet's declared length. */
        TRUNCATED_IP_PACKET,
        /** Header fields contradict each other (bad version nibble, IHL below 5, length below header). */
        MALFORMED_IP_HEADER,
        /** An IPv6 extension header runs past the end of the packet. */
        TRUNCATED_EXTENSION_HEADER,
        /** The signaling payload was fragmented and this reader does not reassemble. */
        FRAGMENT_NOT_REASSEMBLED,
        /** The UDP header is cut short or its Length field disagrees with the IP packet. */
        MALFORMED_UDP
    }

    @Override
    public String toString() {
        return "frame " + frameNumber + " at byte " + fileOffset + ": " + kind + " (" + detail + ")";
    }
}
