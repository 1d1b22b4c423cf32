package io.pmip.protocol.pcap;

/** A well-formed frame that carries no Mobility Header signaling; {@code reason} is for humans. */
public record SkippedFrame(int frameNumber, String reason) implements FrameOutcome {
}
