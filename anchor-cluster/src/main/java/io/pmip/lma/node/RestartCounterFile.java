package io.pmip.lma.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The node's RFC 5847 Restart Counter (section 5.2: incremented every time the node restarts), kept as
 * one decimal number in a text file: read, incremented modulo 2^32 and written back (through a
 * temporary file and an atomic rename) at every start.
 */
public final class RestartCounterFile {
    private RestartCounterFile() {
    }

    /**
     * The counter for this start. A missing file starts at 1; an unreadable one too (counted as a
     * restart either way, which is what a MAG needs to see).
     *
     * @throws IOException when the file cannot be written
     */
    public static long next(Path file) throws IOException {
        long previous = 0;
        if (Files.exists(file)) {
            try {
                previous = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
            } catch (NumberFormatException garbage) {
                previous = 0;
            }
        }
        long next = (previous + 1) & 0xffffffffL;
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, Long.toString(next) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return next;
    }
}
