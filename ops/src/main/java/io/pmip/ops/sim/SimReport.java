package io.pmip.ops.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The outcome of one {@code pmip sim} run; written as JSON (this record's shape is the schema, see
 * {@link #SCHEMA} and the README) and as an HTML page. Times are milliseconds unless a name says
 * otherwise; rates are per second of the operation phase.
 *
 * @param offered    what the pacer was asked for and what it did
 * @param messages   every message type sent and received, with its count and rate
 * @param pbaStatuses every PBA Status value received, by code (RFC 6275 section 6.1.8)
 * @param problems   retransmissions, timeouts and the rest of what went wrong
 * @param pbaLatency every PBA, from the intended start of the operation that caused its PBU (or
 *                   from the MAG's first transmission for refreshes the MAGs started themselves)
 * @param handoffCompletion from the intended start of a handoff (the old MAG's de-registration)
 *                   to the new MAG's accepted PBA
 * @param timeline   one point per second of the run
 * @param echo       the UDP request/response ceiling measured in the same run; null when not asked for
 */
public record SimReport(
        String schema,
        String startedAt,
        Map<String, Object> scenario,
        Offered offered,
        List<MessageRate> messages,
        Map<Integer, Long> pbaStatuses,
        Problems problems,
        Percentiles pbaLatency,
        Map<String, Percentiles> pbaLatencyByKind,
        Percentiles handoffCompletion,
        List<TimelinePoint> timeline,
        EchoCeiling.Result echo) {

    public static final String SCHEMA = "pmip-sim-report/1";

    public SimReport {
        scenario = Map.copyOf(scenario);
        messages = List.copyOf(messages);
        pbaStatuses = new TreeMap<>(pbaStatuses);
        pbaLatencyByKind = new TreeMap<>(pbaLatencyByKind);
        timeline = List.copyOf(timeline);
    }

    /**
     * @param operations     operations scheduled (rate x duration, or --count)
     * @param started        operations the pacer started
     * @param skippedBusy    operations that found no idle mobile node (the population was too small
     *                       for the rate at the latency seen)
     * @param completed      operations whose last PBA arrived
     * @param unfinished     operations still waiting when the drain time ran out
     * @param seconds        length of the operation phase
     * @param pacerMaxLagMillis how late the pacer itself started an operation (the sim's own limit)
     */
    public record Offered(double ratePerSecond, long operations, long started, long skippedBusy, long completed,
            long unfinished, double seconds, double pacerMaxLagMillis) {
    }

    /** @param direction "sent" or "received"; @param kind the PBU kind (PbuKind) or "" */
    public record MessageRate(String direction, String message, String kind, long count, double perSecond) {
    }

    /**
     * @param malformed datagrams the MAG nodes could not decode
     * @param sendRefused datagrams the transports refused (send queue full)
     */
    public record Problems(long retransmissions, long timeouts, long rejected, long timestampResynchronizations,
            long revocations, long bulkFallbacks, long malformed, long sendRefused) {
    }

    /**
     * @param cdf points (percentile, milliseconds) of the whole distribution, for plots
     */
    public record Percentiles(long count, double min, double mean, double p50, double p90, double p99,
            double p999, double max, List<double[]> cdf) {

        public static Percentiles of(Histogram micros) {
            if (micros.getTotalCount() == 0) {
                return new Percentiles(0, 0, 0, 0, 0, 0, 0, 0, List.of());
            }
            List<double[]> cdf = new ArrayList<>();
            for (HistogramIterationValue v : micros.percentiles(5)) {
                cdf.add(new double[] {v.getPercentileLevelIteratedTo(), v.getValueIteratedTo() / 1000.0});
            }
            return new Percentiles(micros.getTotalCount(), micros.getMinValue() / 1000.0,
                    micros.getMean() / 1000.0, ms(micros, 50), ms(micros, 90), ms(micros, 99), ms(micros, 99.9),
                    micros.getMaxValue() / 1000.0, cdf);
        }

        private static double ms(Histogram h, double percentile) {
            return h.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /**
     * One second of the run: messages in that second and the PBA latency of the PBAs that
     * arrived in it.
     */
    public record TimelinePoint(double second, long pbusSent, long pbasReceived, long outstanding, double p50,
            double p99, double max) {
    }

    public SimReport withEcho(EchoCeiling.Result measured) {
        return new SimReport(schema, startedAt, scenario, offered, messages, pbaStatuses, problems, pbaLatency,
                pbaLatencyByKind, handoffCompletion, timeline, measured);
    }

    /** PBAs per second over the operation phase as a fraction of the echo ceiling; NaN without one. */
    public double ratioToEchoCeiling() {
        return echo == null || echo.ceilingPerSecond() <= 0 ? Double.NaN : pbaPerSecond() / echo.ceilingPerSecond();
    }

    /** Messages of one direction and type, summed over kinds. */
    public long count(String direction, String message) {
        return messages.stream().filter(m -> m.direction().equals(direction) && m.message().equals(message))
                .mapToLong(MessageRate::count).sum();
    }

    /** PBAs per second over the operation phase. */
    public double pbaPerSecond() {
        return offered.seconds() > 0 ? count("received", "PBA") / offered.seconds() : 0;
    }
}
