package io.penguin.reports.stats;

/**
 * A mean with its 95% bootstrap confidence interval.
 *
 * @param mean the sample mean
 * @param low the interval's lower bound (2.5th percentile of the resampled means)
 * @param high the interval's upper bound (97.5th percentile of the resampled means)
 */
public record Estimate(double mean, double low, double high) {

    /** True when {@code value} lies inside the interval, bounds included. */
    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    public double width() {
        return high - low;
    }
}
