package io.pmip.protocol.pcap;

/**
 * The file as a whole cannot be read as a classic libpcap capture (bad magic, truncated global
 * header, unsupported link type). Problems confined to one frame are {@link FrameError}s instead.
 */
public final class PcapFormatException extends Exception {
    private final long fileOffset;

    public PcapFormatException(long fileOffset, String message) {
        super(message + " (at byte " + fileOffset + ")");
        this.fileOffset = fileOffset;
    }

    public long fileOffset() {
        return fileOffset;
    }
}
