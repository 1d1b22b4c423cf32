package io.pmip.ops.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script on the classes this build just compiled: decode piped into encode through
 * real processes and a real pipe. PMIP_SKIP_BUILD=1 because this test runs inside the build; a
 * nested Maven would rebuild target/ under the running test JVM.
 */
class PmipScriptTest {
    @Test
    void decodePipedIntoEncodeThroughBinPmipReproducesTheSample(@TempDir Path dir) throws Exception {
        Path again = dir.resolve("again.pcap");
        Path decoded = dir.resolve("decoded.jsonl");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                "set -o pipefail; bin/pmip wire decode samples/pmipv6-signaling.pcap | tee \"$1\" | bin/pmip wire encode --pcap \"$2\"",
                "pmip", decoded.toString(), again.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PMIP_SKIP_BUILD", "1");
        Process p = pb.start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String log = log(dir);
        assertTrue(done, "bin/pmip did not finish\n" + log);
        assertEquals(0, p.exitValue(), log);
        assertEquals(14, Files.readAllLines(decoded).size(), log);
        assertArrayEquals(Files.readAllBytes(WireDecodeTest.SAMPLE), Files.readAllBytes(again), log);
    }

    private static String log(Path dir) throws IOException {
        return Files.readString(dir.resolve("log"), StandardCharsets.UTF_8);
    }
}
