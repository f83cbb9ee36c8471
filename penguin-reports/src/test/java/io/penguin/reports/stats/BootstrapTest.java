package io.penguin.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static double[] sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 1 + random.nextInt(5);
        }
        return values;
    }

    @Test
    void intervalContainsTheMeanAndNarrowsAsNGrows() {
        Estimate small = Bootstrap.DEFAULT.mean(sample(20, 1), "cell");
        Estimate large = Bootstrap.DEFAULT.mean(sample(2_000, 1), "cell");
        assertThat(small.contains(small.mean())).isTrue();
        assertThat(large.contains(large.mean())).isTrue();
        assertThat(large.width()).isLessThan(small.width() / 5);
    }

    @Test
    void sameDataAndKeyGiveTheSameIntervalAndAnotherKeyDrawsAgain() {
        double[] values = sample(50, 2);
        assertThat(Bootstrap.DEFAULT.mean(values, "a")).isEqualTo(Bootstrap.DEFAULT.mean(values, "a"));
        assertThat(Bootstrap.DEFAULT.mean(values, "a")).isNotEqualTo(Bootstrap.DEFAULT.mean(values, "b"));
    }

    @Test
    void forALargeSampleItMatchesTheNormalIntervalOfTheMean() {
        double[] values = sample(5_000, 3);
        DescriptiveStatistics stats = new DescriptiveStatistics(values);
        double half = 1.959964 * stats.getStandardDeviation() / Math.sqrt(values.length);
        Estimate estimate = Bootstrap.DEFAULT.mean(values, "normal");
        assertThat(estimate.mean()).isCloseTo(stats.getMean(), within(1e-12));
        // Monte Carlo error of a 2,000-resample percentile bound is a few percent of the half-width.
        assertThat(estimate.low()).isCloseTo(stats.getMean() - half, within(half * 0.1));
        assertThat(estimate.high()).isCloseTo(stats.getMean() + half, within(half * 0.1));
    }

    @Test
    void constantDataAndASingleValueGiveAZeroWidthInterval() {
        assertThat(Bootstrap.DEFAULT.mean(new double[] {3, 3, 3, 3}, "k")).isEqualTo(new Estimate(3, 3, 3));
        assertThat(Bootstrap.DEFAULT.mean(new double[] {4.5}, "k")).isEqualTo(new Estimate(4.5, 4.5, 4.5));
    }

    @Test
    void columnsAreResampledTogether() {
        double[] a = sample(30, 4);
        double[] doubled = a.clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] = 2 * a[i];
        }
        Estimate[] both = Bootstrap.DEFAULT.means(new double[][] {a, doubled}, "k");
        assertThat(both[1].low()).isCloseTo(2 * both[0].low(), within(1e-9));
        assertThat(both[1].high()).isCloseTo(2 * both[0].high(), within(1e-9));
    }
}
