package io.pmip.protocol.pcap;

/** What {@link PcapReader#next()} yields: a whole record, or the error that ended the file. */
public sealed interface RecordRead permits PcapRecord, FrameError {
    int frameNumber();
}
