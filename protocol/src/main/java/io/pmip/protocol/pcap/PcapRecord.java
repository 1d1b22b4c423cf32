package io.pmip.protocol.pcap;

import java.time.Instant;
import java.util.Arrays;

/**
 * One packet record of the capture.
 *
 * @param originalLength orig_len: the length on the wire, at least {@code data.length} when the
 *     capture was cut at the snapshot length
 * @param dataFileOffset absolute file offset of {@code data[0]}, for error positions
 */
public record PcapRecord(int frameNumber, Instant time, long originalLength, long dataFileOffset, byte[] data)
        implements RecordRead {

    public PcapRecord {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Package-private view without the defensive copy, for the extractor's read-only walk. */
    byte[] dataUnsafe() {
        return data;
    }

    /** True when the capture kept fewer bytes than were on the wire. */
    public boolean snapped() {
        return originalLength > data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PcapRecord r
                && r.frameNumber == frameNumber
                && r.time.equals(time)
                && r.originalLength == originalLength
                && r.dataFileOffset == dataFileOffset
                && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Integer.hashCode(frameNumber) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "PcapRecord[frame=" + frameNumber + ", time=" + time + ", caplen=" + data.length
                + ", len=" + originalLength + "]";
    }
}
