package io.pmip.protocol.pcap;

/** What extracting signaling from one frame gives: a signal, a skip, or a typed error. */
public sealed interface FrameOutcome permits CapturedSignal, SkippedFrame, FrameError {
    /** 1-based, as Wireshark numbers frames. */
    int frameNumber();
}
