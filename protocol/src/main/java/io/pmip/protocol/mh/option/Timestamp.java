package io.pmip.protocol.mh.option;

import java.time.Instant;

/**
 * Timestamp option (RFC 5213 section 8.8): a 64-bit value, the high 48 bits seconds since
 * 1970-01-01 00:00 UTC and the low 16 bits 1/65536 fractions of a second (not NTP format);
 * alignment 8n+2. The raw value is kept because 1/65536 s does not convert exactly to nanoseconds.
 */
public record Timestamp(long value) implements MobilityOption {
    public static final int TYPE = 27;

    /** The timestamp nearest to {@code instant} (fraction truncated); instants before 1970 are not representable. */
    public static Timestamp of(Instant instant) {
        if (instant.getEpochSecond() < 0 || instant.getEpochSecond() >= (1L << 48)) {
            throw new IllegalArgumentException("timestamp needs 0 <= seconds < 2^48, got " + instant);
        }
        long fraction = ((long) instant.getNano() << 16) / 1_000_000_000L;
        return new Timestamp((instant.getEpochSecond() << 16) | fraction);
    }

    /** Seconds since 1970 (high 48 bits). */
    public long seconds() {
        return value >>> 16;
    }

    /** 1/65536 fractions of a second (low 16 bits). */
    public int fraction() {
        return (int) (value & 0xffff);
    }

    /** The instant, fraction rounded down to the nanosecond. */
    public Instant toInstant() {
        return Instant.ofEpochSecond(seconds(), (fraction() * 1_000_000_000L) >>> 16);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
