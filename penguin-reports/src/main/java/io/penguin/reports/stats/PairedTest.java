package io.penguin.reports.stats;

/**
 * A Wilcoxon signed-rank test of paired scores, with its effect size.
 *
 * @param pairs the pairs compared (the same scenarios under both conditions)
 * @param nonZeroPairs pairs whose difference is not zero: the ones ranked (zero differences are dropped, Wilcoxon's
 *     original method, as R's {@code wilcox.test} and scipy's default do)
 * @param wPlus sum of the ranks of positive differences (second minus first)
 * @param wMinus sum of the ranks of negative differences
 * @param method {@code exact} (no ties, at most 30 non-zero pairs) or {@code normal} (normal approximation with tie
 *     and continuity correction)
 * @param z the standardised statistic of the normal approximation; null for the exact test
 * @param pValue two-sided
 * @param rankBiserial matched-pairs rank-biserial correlation (W+ - W-) / (W+ + W-), from -1 to 1; positive when the
 *     second condition scores higher; 0 when every difference is zero
 */
public record PairedTest(
        int pairs,
        int nonZeroPairs,
        double wPlus,
        double wMinus,
        String method,
        Double z,
        double pValue,
        double rankBiserial) {

    public static final String EXACT = "exact";
    public static final String NORMAL = "normal";
}
