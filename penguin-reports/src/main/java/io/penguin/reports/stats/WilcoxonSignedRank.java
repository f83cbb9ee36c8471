package io.penguin.reports.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The paired Wilcoxon signed-rank test on Apache Commons Math: its ranking (mid-ranks for ties), its exact
 * distribution when there are no ties and at most 30 non-zero pairs, else its normal distribution with the tie and
 * continuity corrections that Commons Math's own normal approximation lacks. Zero differences are dropped first
 * (Commons Math would rank them), so the results match R's {@code wilcox.test(paired = TRUE)} and scipy's
 * {@code wilcoxon}.
 */
public final class WilcoxonSignedRank {

    /** Largest number of non-zero pairs for which the exact distribution is used. */
    public static final int EXACT_LIMIT = 30;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private WilcoxonSignedRank() {}

    /** Tests {@code second - first} against zero; both arrays are the same units in the same order. */
    public static PairedTest test(double[] first, double[] second) {
        if (first.length != second.length) {
            throw new IllegalArgumentException(
                    "paired samples differ in length: " + first.length + " and " + second.length);
        }
        int pairs = first.length;
        int nonZero = 0;
        for (int i = 0; i < pairs; i++) {
            if (second[i] - first[i] != 0) {
                nonZero++;
            }
        }
        if (nonZero == 0) {
            return new PairedTest(pairs, 0, 0, 0, PairedTest.EXACT, null, 1.0, 0);
        }
        double[] differences = new double[nonZero];
        double[] absolute = new double[nonZero];
        double[] keptFirst = new double[nonZero];
        double[] keptSecond = new double[nonZero];
        int k = 0;
        for (int i = 0; i < pairs; i++) {
            double difference = second[i] - first[i];
            if (difference != 0) {
                differences[k] = difference;
                absolute[k] = Math.abs(difference);
                keptFirst[k] = first[i];
                keptSecond[k] = second[i];
                k++;
            }
        }
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(absolute);
        double wPlus = 0;
        for (int i = 0; i < nonZero; i++) {
            if (differences[i] > 0) {
                wPlus += ranks[i];
            }
        }
        double total = nonZero * (nonZero + 1) / 2.0;
        double wMinus = total - wPlus;
        double rankBiserial = (wPlus - wMinus) / total;
        double tieTerm = tieTerm(ranks);
        if (tieTerm == 0 && nonZero <= EXACT_LIMIT) {
            double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(keptFirst, keptSecond, true);
            return new PairedTest(pairs, nonZero, wPlus, wMinus, PairedTest.EXACT, null, Math.min(1, p), rankBiserial);
        }
        double mean = total / 2;
        double variance = nonZero * (nonZero + 1) * (2.0 * nonZero + 1) / 24 - tieTerm / 48;
        double deviation = wPlus - mean;
        double z = variance > 0 ? (deviation - 0.5 * Math.signum(deviation)) / Math.sqrt(variance) : 0;
        double p = Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
        return new PairedTest(pairs, nonZero, wPlus, wMinus, PairedTest.NORMAL, z, p, rankBiserial);
    }

    /** Sum of t^3 - t over groups of t tied ranks. */
    private static double tieTerm(double[] ranks) {
        double[] sorted = ranks.clone();
        java.util.Arrays.sort(sorted);
        double term = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            term += t * t * t - t;
            i = j + 1;
        }
        return term;
    }
}
