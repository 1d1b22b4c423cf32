package io.pmip.ops.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.pmip.persistence.schema.SchemaMigration;
import io.pmip.ops.cluster.JournalCassandra;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The yardstick of the LMA benchmark: plain CQL inserts, with the DataStax driver, of rows shaped
 * like journal rows (partition per persistence id, a sequence number, a timestamp and a blob of the
 * size of a serialized binding event) into a scratch table, {@code concurrency} at a time.
 */
final class RawInsertBench {
    static final String KEYSPACE = "pmip_bench";

    /** What one run measured. */
    record Result(long rows, Duration elapsed, Histogram latencyMicros, long errors) {
        double perSecond() {
            return rows / (elapsed.toNanos() / 1e9);
        }

        double percentileMillis(double p) {
            return latencyMicros.getValueAtPercentile(p) / 1000.0;
        }
    }

    private RawInsertBench() {
    }

    static Result run(String contactPoints, int rows, int concurrency, int payloadBytes) throws InterruptedException {
        List<java.net.InetSocketAddress> points = Arrays.stream(contactPoints.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(SchemaMigration::contactPoint).toList();
        try (CqlSession session = SchemaMigration.openSession(points, JournalCassandra.LOCAL_DATACENTER)) {
            session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            session.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".scratch (persistence_id text, sequence_nr bigint,"
                    + " written timestamp, event blob, PRIMARY KEY ((persistence_id), sequence_nr))");
            session.execute("TRUNCATE " + KEYSPACE + ".scratch");
            PreparedStatement insert = session.prepare("INSERT INTO " + KEYSPACE
                    + ".scratch (persistence_id, sequence_nr, written, event) VALUES (?, ?, ?, ?)");
            byte[] payload = new byte[payloadBytes];
            ThreadLocalRandom.current().nextBytes(payload);
            // Warm the driver and the node's write path before measuring.
            insertAll(session, insert, payload, Math.min(2000, rows), concurrency, "warm-");
            return insertAll(session, insert, payload, rows, concurrency, "mn-");
        }
    }

    private static Result insertAll(CqlSession session, PreparedStatement insert, byte[] payload, int rows,
            int concurrency, String prefix) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        Recorder latency = new Recorder(Duration.ofMinutes(1).toNanos() / 1000, 3);
        LongAdder errors = new LongAdder();
        long start = System.nanoTime();
        for (int i = 0; i < rows; i++) {
            slots.acquire();
            long sent = System.nanoTime();
            session.executeAsync(insert.bind(prefix + i, 1L, Instant.now(), ByteBuffer.wrap(payload)))
                    .whenComplete((rs, failure) -> {
                        if (failure != null) {
                            errors.increment();
                        } else {
                            latency.recordValue(Math.min((System.nanoTime() - sent) / 1000,
                                    Duration.ofMinutes(1).toNanos() / 1000));
                        }
                        slots.release();
                    });
        }
        if (!slots.tryAcquire(concurrency, 2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("raw inserts did not finish");
        }
        return new Result(rows, Duration.ofNanos(System.nanoTime() - start), latency.getIntervalHistogram(), errors.sum());
    }
}
