package io.pmip.protocol.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.conformance.ConformanceCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps the committed fuzz seeds in step with {@link ConformanceCorpus}: one seed per sample and
 * transport, named after the sample. Run {@link #main} from the protocol directory to rewrite
 * them after the corpus or the encoding changes.
 */
class SeedCorpusTest {
    static final Path SEEDS = Path.of("src/test/resources/io/pmip/protocol/fuzz/MobilityHeaderDecoderFuzzTestInputs/decode");

    @Test
    void everyCorpusMessageIsASeed() throws IOException {
        for (ConformanceCorpus.Sample s : ConformanceCorpus.all()) {
            for (boolean udp : new boolean[] {false, true}) {
                Path seed = SEEDS.resolve(name(s, udp));
                assertTrue(Files.isRegularFile(seed), seed + " missing: run SeedCorpusTest.main");
                assertArrayEquals(encode(s, udp), Files.readAllBytes(seed), seed + " is stale: run SeedCorpusTest.main");
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(SEEDS);
        for (ConformanceCorpus.Sample s : ConformanceCorpus.all()) {
            Files.write(SEEDS.resolve(name(s, false)), encode(s, false));
            Files.write(SEEDS.resolve(name(s, true)), encode(s, true));
        }
    }

    private static String name(ConformanceCorpus.Sample s, boolean udp) {
        return s.name() + (udp ? "-udp" : "-ipv6");
    }

    private static byte[] encode(ConformanceCorpus.Sample s, boolean udp) {
        return udp ? MobilityHeaderEncoder.encodeForIpv4Udp(s.message())
                : MobilityHeaderEncoder.encode(s.message(), ConformanceCorpus.MAG, ConformanceCorpus.LMA);
    }
}
