package io.pmip.lma;

import io.pmip.persistence.CborSerializable;
import java.time.Instant;

/**
 * The Timestamp option value (RFC 5213 section 8.8): 48 bits of seconds since 1970-01-01T00:00Z and
 * 16 bits of 1/65536 second, carried as the unsigned 64-bit {@code value}.
 */
public record PmipTimestamp(long value) implements CborSerializable, Comparable<PmipTimestamp> {

    public static PmipTimestamp of(Instant instant) {
        long fraction = ((long) instant.getNano() << 16) / 1_000_000_000L;
        return new PmipTimestamp((instant.getEpochSecond() << 16) | fraction);
    }

    public Instant toInstant() {
        long seconds = value >>> 16;
        long nanos = ((value & 0xffffL) * 1_000_000_000L) >>> 16;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    @Override
    public int compareTo(PmipTimestamp o) {
        return Long.compareUnsigned(value, o.value);
    }
}
