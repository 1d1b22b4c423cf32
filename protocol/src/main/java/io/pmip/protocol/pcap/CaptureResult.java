package io.pmip.protocol.pcap;

import java.util.List;

/**
 * Everything {@link SignalCapture#read} found in one file.
 *
 * @param frames records read, including those that gave errors
 * @param skipped well-formed frames without signaling
 */
public record CaptureResult(PcapHeader header, List<CapturedSignal> signals, List<FrameError> errors,
        int frames, int skipped) {

    public CaptureResult {
        signals = List.copyOf(signals);
        errors = List.copyOf(errors);
    }
}
