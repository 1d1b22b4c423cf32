package io.pmip.protocol.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads a capture file and hands out the Mobility Header signaling in it, frame by frame. */
public final class SignalCapture {
    private SignalCapture() {
    }

    /**
     * Streams one {@link FrameOutcome} per record to {@code sink}, in file order, and returns the
     * file's header. Per-frame problems reach the sink as {@link FrameError}s.
     */
    public static PcapHeader forEach(InputStream in, SignalExtractor extractor, Consumer<? super FrameOutcome> sink)
            throws IOException, PcapFormatException {
        PcapReader reader = PcapReader.open(in);
        LinkType linkType = reader.header().linkType();
        for (Optional<RecordRead> read = reader.next(); read.isPresent(); read = reader.next()) {
            RecordRead record = read.get();
            // Java 17: no pattern switch; RecordRead permits exactly these two.
            sink.accept(record instanceof PcapRecord r ? extractor.extract(linkType, r) : (FrameError) record);
        }
        return reader.header();
    }

    public static CaptureResult read(InputStream in, SignalExtractor extractor) throws IOException, PcapFormatException {
        List<CapturedSignal> signals = new ArrayList<>();
        List<FrameError> errors = new ArrayList<>();
        int[] frames = new int[1];
        int[] skipped = new int[1];
        PcapHeader header = forEach(in, extractor, outcome -> {
            frames[0]++;
            if (outcome instanceof CapturedSignal s) {
                signals.add(s);
            } else if (outcome instanceof FrameError e) {
                errors.add(e);
            } else {
                skipped[0]++;
            }
        });
        return new CaptureResult(header, signals, errors, frames[0], skipped[0]);
    }

    public static CaptureResult read(Path file, SignalExtractor extractor) throws IOException, PcapFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, extractor);
        }
    }

    /** {@link #read(Path, SignalExtractor)} with the standard port 5436. */
    public static CaptureResult read(Path file) throws IOException, PcapFormatException {
        return read(file, new SignalExtractor());
    }
}
