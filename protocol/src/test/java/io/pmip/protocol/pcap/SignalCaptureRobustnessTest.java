package io.pmip.protocol.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the bytes, reading ends with a result or a checked exception, never a crash. */
class SignalCaptureRobustnessTest {
    private static final byte[][] VALID_FILES = {
        SignalCaptureTest.raw(SignalCaptureTest.raw6(), SignalCaptureTest.raw4()),
        new PcapBytes(ByteOrder.BIG_ENDIAN, 0xa1b2c3d4, 1)
                .record(1, 0, PcapBytes.ethernetVlan(7, 0x86dd, SignalCaptureTest.raw6())).bytes(),
        new PcapBytes(ByteOrder.LITTLE_ENDIAN, 0xa1b23c4d, 276)
                .record(1, 0, PcapBytes.sll2(0x0800, SignalCaptureTest.raw4())).bytes(),
    };

    @Property(tries = 300)
    void corruptedOrCutFilesNeverThrowUnchecked(
            @ForAll @IntRange(min = 0, max = 2) int which,
            @ForAll @Size(max = 8) int[] corruptOffsets,
            @ForAll byte corruptValue,
            @ForAll @IntRange(min = 0, max = 400) int cutAt) throws IOException {
        byte[] file = VALID_FILES[which].clone();
        for (int o : corruptOffsets) {
            file[Math.floorMod(o, file.length)] = corruptValue;
        }
        file = Arrays.copyOf(file, Math.min(file.length, cutAt));
        try {
            CaptureResult r = SignalCapture.read(new ByteArrayInputStream(file), new SignalExtractor());
            assertEquals(r.frames(), r.signals().size() + r.errors().size() + r.skipped());
        } catch (PcapFormatException expected) {
            // a broken global header is a file-level, checked failure
        }
    }
}
