package io.penguin.reports.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentile bootstrap confidence intervals on means, seeded and therefore deterministic: the same data, seed and
 * resample count always give the same interval. Several columns of the same units are resampled together (one index
 * draw for all), so the intervals of a cell's four scores come from the same resamples.
 *
 * @param resamples how many resamples, e.g. 2,000
 * @param confidence e.g. 0.95
 * @param seed the base seed; each call mixes in its own key so different cells draw differently
 */
public record Bootstrap(int resamples, double confidence, long seed) {

    public static final Bootstrap DEFAULT = new Bootstrap(2_000, 0.95, 20_251_127L);

    public Bootstrap {
        if (resamples < 100) {
            throw new IllegalArgumentException("bootstrap needs at least 100 resamples, was " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
    }

    /** The mean of {@code values} with its interval; {@code key} picks the random stream (e.g. the cell's name). */
    public Estimate mean(double[] values, String key) {
        return means(new double[][] {values}, key)[0];
    }

    /**
     * The means of several columns over the same units, each with its interval.
     *
     * @param columns columns[c][i] is the value of column c for unit i; all columns have the same length
     * @param key picks the random stream
     */
    public Estimate[] means(double[][] columns, String key) {
        int n = columns[0].length;
        for (double[] column : columns) {
            if (column.length != n) {
                throw new IllegalArgumentException("columns differ in length");
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no values to estimate a mean from");
        }
        double[] means = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            means[c] = mean(columns[c]);
        }
        Estimate[] estimates = new Estimate[columns.length];
        if (n == 1) {
            for (int c = 0; c < columns.length; c++) {
                estimates[c] = new Estimate(means[c], means[c], means[c]);
            }
            return estimates;
        }
        SplittableRandom random = new SplittableRandom(seed ^ mix(key));
        double[][] resampled = new double[columns.length][resamples];
        double[] sums = new double[columns.length];
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(sums, 0);
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                for (int c = 0; c < columns.length; c++) {
                    sums[c] += columns[c][pick];
                }
            }
            for (int c = 0; c < columns.length; c++) {
                resampled[c][b] = sums[c] / n;
            }
        }
        double tail = (1 - confidence) / 2 * 100;
        for (int c = 0; c < columns.length; c++) {
            // R's default quantile (type 7), so a reader can check an interval with R or numpy.
            Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
            percentile.setData(resampled[c]);
            estimates[c] = new Estimate(means[c], percentile.evaluate(tail), percentile.evaluate(100 - tail));
        }
        return estimates;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** A stable 64-bit hash of the key (String.hashCode is stable too, but only 32 bits). */
    private static long mix(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
