package io.pmip.protocol.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pmip.protocol.codec.DecodeContext;
import io.pmip.protocol.codec.DecodeMode;
import io.pmip.protocol.codec.DecodeResult;
import io.pmip.protocol.codec.MobilityHeaderDecodeException;
import io.pmip.protocol.codec.MobilityHeaderDecoder;
import io.pmip.protocol.codec.MobilityHeaderEncoder;
import io.pmip.protocol.codec.Transport;
import io.pmip.protocol.conformance.ConformanceCorpus;
import io.pmip.protocol.mh.MobilityMessage;
import java.util.HexFormat;
import java.util.List;

/**
 * Feeds arbitrary bytes to {@link MobilityHeaderDecoder}. Every input is decoded in every
 * context (strict and lenient; IPv6 with the corpus addresses, so seeds pass the checksum; IPv6
 * without addresses; IPv4/UDP). Properties: the decoder returns a {@link DecodeResult} or throws
 * {@link MobilityHeaderDecodeException}, nothing else; a decoded message re-encodes, and the
 * re-encoded bytes decode in the same context to an equal message.
 *
 * <p>{@code mvn test} runs this in fuzzing mode for {@code maxDuration} (surefire sets
 * JAZZER_FUZZ=1, see protocol/pom.xml); without JAZZER_FUZZ it only replays the seed corpus in
 * src/test/resources/io/pmip/protocol/fuzz/MobilityHeaderDecoderFuzzTestInputs/decode/, where
 * Jazzer also drops any crashing input it finds. The generated corpus goes to
 * protocol/.cifuzz-corpus/ (git-ignored: machine-local, regenerated each run).
 */
class MobilityHeaderDecoderFuzzTest {
    private static final List<DecodeContext> CONTEXTS = List.of(
            DecodeContext.ipv6(ConformanceCorpus.MAG, ConformanceCorpus.LMA, DecodeMode.STRICT),
            DecodeContext.ipv6(ConformanceCorpus.MAG, ConformanceCorpus.LMA, DecodeMode.LENIENT),
            DecodeContext.ipv6WithoutAddresses(DecodeMode.STRICT),
            DecodeContext.ipv6WithoutAddresses(DecodeMode.LENIENT),
            DecodeContext.ipv4Udp(DecodeMode.STRICT),
            DecodeContext.ipv4Udp(DecodeMode.LENIENT));

    @FuzzTest(maxDuration = "25s")
    void decode(byte[] input) {
        for (DecodeContext context : CONTEXTS) {
            DecodeResult result;
            try {
                result = MobilityHeaderDecoder.decode(input, context);
            } catch (MobilityHeaderDecodeException expected) {
                assertNotNull(expected.rule());
                continue;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("decoder threw " + e + " in " + context + " for " + hex(input), e);
            }
            MobilityMessage message = result.message();
            byte[] again = encode(message, context);
            try {
                MobilityMessage reDecoded = MobilityHeaderDecoder.decode(again, context).message();
                assertEquals(message, reDecoded, () -> "round trip in " + context + " of " + hex(input)
                        + " re-encoded as " + hex(again));
            } catch (MobilityHeaderDecodeException e) {
                throw new AssertionError("re-encoded " + message + " as " + hex(again) + " which fails to decode in "
                        + context + ": " + e.getMessage() + " (input " + hex(input) + ")", e);
            }
        }
    }

    private static byte[] encode(MobilityMessage message, DecodeContext context) {
        if (context.transport() == Transport.IPV4_UDP) {
            return MobilityHeaderEncoder.encodeForIpv4Udp(message);
        }
        // Without addresses the checksum is not verified; encode with the corpus addresses anyway.
        return MobilityHeaderEncoder.encode(message, ConformanceCorpus.MAG, ConformanceCorpus.LMA);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
