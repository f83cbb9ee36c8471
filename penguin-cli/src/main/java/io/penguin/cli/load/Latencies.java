package io.penguin.cli.load;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * A latency distribution (HdrHistogram, microsecond resolution, 3 significant digits, up to an hour), safe to record
 * into from one thread while another reads percentiles.
 */
public final class Latencies {

    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final SynchronizedHistogram histogram = new SynchronizedHistogram(HIGHEST_MICROS, 3);

    public void recordNanos(long nanos) {
        histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1_000)));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public Percentiles percentiles() {
        Histogram copy = histogram.copy();
        return Percentiles.of(copy);
    }

    /**
     * Percentiles in milliseconds.
     *
     * @param count values recorded
     */
    public record Percentiles(long count, double mean, double p50, double p90, double p99, double p999, double max) {

        static Percentiles of(Histogram histogram) {
            if (histogram.getTotalCount() == 0) {
                return new Percentiles(0, 0, 0, 0, 0, 0, 0);
            }
            return new Percentiles(
                    histogram.getTotalCount(),
                    millis(histogram.getMean()),
                    millis(histogram.getValueAtPercentile(50)),
                    millis(histogram.getValueAtPercentile(90)),
                    millis(histogram.getValueAtPercentile(99)),
                    millis(histogram.getValueAtPercentile(99.9)),
                    millis(histogram.getMaxValue()));
        }

        private static double millis(double micros) {
            return Math.round(micros / 100.0) / 10.0;
        }

        /** {@code p50 12.3 ms, p90 ..., p99 ..., p99.9 ..., max ... (n=...)}. */
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "p50 %s ms, p90 %s ms, p99 %s ms, p99.9 %s ms, max %s ms, mean %s ms (n=%d)",
                    p50,
                    p90,
                    p99,
                    p999,
                    max,
                    mean,
                    count);
        }
    }
}
