package io.penguin.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilcoxonSignedRankTest {

    @Test
    void exactTestMatchesTheTextbookExample() {
        // Hollander & Wolfe (1973), p. 29, depression scale before (x) and after (y) a tranquilizer; the example of
        // R's ?wilcox.test: V = 40, p-value = 0.03906 (exact, two-sided).
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        PairedTest test = WilcoxonSignedRank.test(y, x);
        assertThat(test.method()).isEqualTo(PairedTest.EXACT);
        assertThat(test.wPlus()).isEqualTo(40);
        assertThat(test.wMinus()).isEqualTo(5);
        assertThat(test.pValue()).isCloseTo(0.0390625, within(1e-9));
        assertThat(test.rankBiserial()).isCloseTo(35.0 / 45, within(1e-12));
        assertThat(WilcoxonSignedRank.test(x, y).rankBiserial()).isCloseTo(-35.0 / 45, within(1e-12));
    }

    @Test
    void normalApproximationWithTiesAndZerosMatchesScipy() {
        // 40 pairs of 1-5 scores with ties and zero differences; scipy 1.17.1
        // wilcoxon(b, a, zero_method='wilcox', correction=True, method='approx') gives statistic 156.0 (= W-) and
        // p = 0.25559900924779655.
        double[] a = {
            5, 4, 4, 5, 3, 4, 5, 2, 1, 2, 2, 5, 5, 1, 3, 5, 1, 4, 1, 3, 5, 2, 2, 2, 4, 2, 5, 3, 3, 3, 3, 3, 3, 5, 5, 4,
            4, 4, 2, 5
        };
        double[] b = {
            5, 3, 5, 4, 5, 5, 4, 1, 1, 1, 1, 5, 5, 1, 5, 5, 3, 5, 1, 4, 5, 2, 2, 1, 5, 1, 4, 2, 5, 4, 5, 2, 4, 5, 5, 3,
            5, 5, 3, 4
        };
        PairedTest test = WilcoxonSignedRank.test(a, b);
        assertThat(test.method()).isEqualTo(PairedTest.NORMAL);
        assertThat(test.pairs()).isEqualTo(40);
        assertThat(test.wPlus()).isEqualTo(250);
        assertThat(test.wMinus()).isEqualTo(156);
        assertThat(test.pValue()).isCloseTo(0.25559900924779655, within(1e-9));
        assertThat(test.rankBiserial()).isCloseTo((250.0 - 156) / (250 + 156), within(1e-12));
    }

    @Test
    void identicalSamplesShowNoDifference() {
        PairedTest test = WilcoxonSignedRank.test(new double[] {1, 2, 3}, new double[] {1, 2, 3});
        assertThat(test.nonZeroPairs()).isZero();
        assertThat(test.pValue()).isEqualTo(1.0);
        assertThat(test.rankBiserial()).isZero();
    }
}
