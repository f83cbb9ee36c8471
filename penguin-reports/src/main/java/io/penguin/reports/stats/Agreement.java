package io.penguin.reports.stats;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Inter-judge agreement. Krippendorff's alpha from the coincidence matrix (any number of judges, missing values
 * allowed: a unit counts when at least two judges scored it), and Cohen's quadratic-weighted kappa for exactly two
 * judges. No library in reach implements either, so they are written here and checked against Krippendorff's own
 * worked example.
 */
public final class Agreement {

    /** How two values differ for alpha: the metric of the scale. */
    public enum Metric {
        NOMINAL,
        ORDINAL,
        INTERVAL
    }

    private Agreement() {}

    /**
     * Krippendorff's alpha.
     *
     * @param units each unit's values, one per judge that scored it (judges without a value are simply absent)
     * @return alpha, or null when it is undefined (fewer than two pairable values, or no variation at all)
     */
    public static Double krippendorffAlpha(List<double[]> units, Metric metric) {
        TreeSet<Double> valueSet = new TreeSet<>();
        for (double[] unit : units) {
            if (unit.length >= 2) {
                for (double value : unit) {
                    valueSet.add(value);
                }
            }
        }
        Double[] values = valueSet.toArray(new Double[0]);
        int v = values.length;
        Map<Double, Integer> index = new TreeMap<>();
        for (int i = 0; i < v; i++) {
            index.put(values[i], i);
        }
        double[][] coincidence = new double[v][v];
        for (double[] unit : units) {
            int m = unit.length;
            if (m < 2) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        coincidence[index.get(unit[i])][index.get(unit[j])] += 1.0 / (m - 1);
                    }
                }
            }
        }
        double[] marginal = new double[v];
        double n = 0;
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                marginal[c] += coincidence[c][k];
            }
            n += marginal[c];
        }
        if (n < 2) {
            return null;
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                double delta = delta(metric, values, marginal, c, k);
                observed += coincidence[c][k] * delta;
                expected += marginal[c] * marginal[k] * delta;
            }
        }
        if (expected == 0) {
            return null;
        }
        return 1 - (n - 1) * observed / expected;
    }

    private static double delta(Metric metric, Double[] values, double[] marginal, int c, int k) {
        return switch (metric) {
            case NOMINAL -> c == k ? 0 : 1;
            case INTERVAL -> (values[c] - values[k]) * (values[c] - values[k]);
            case ORDINAL -> {
                int low = Math.min(c, k);
                int high = Math.max(c, k);
                double sum = 0;
                for (int g = low; g <= high; g++) {
                    sum += marginal[g];
                }
                double d = sum - (marginal[c] + marginal[k]) / 2;
                yield d * d;
            }
        };
    }

    /**
     * Cohen's kappa with quadratic weights for two judges on an integer scale.
     *
     * @param first the first judge's scores
     * @param second the second judge's scores of the same units
     * @param min the scale's lowest category, e.g. 1
     * @param max the scale's highest category, e.g. 5
     * @return kappa, or null when undefined (no units, or both judges always gave one and the same category)
     */
    public static Double quadraticWeightedKappa(int[] first, int[] second, int min, int max) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("the two judges scored different numbers of units");
        }
        int n = first.length;
        int k = max - min + 1;
        if (n == 0) {
            return null;
        }
        double[][] observed = new double[k][k];
        double[] rowMarginal = new double[k];
        double[] columnMarginal = new double[k];
        for (int i = 0; i < n; i++) {
            int a = first[i] - min;
            int b = second[i] - min;
            if (a < 0 || a >= k || b < 0 || b >= k) {
                throw new IllegalArgumentException("score outside " + min + ".." + max);
            }
            observed[a][b] += 1.0 / n;
            rowMarginal[a] += 1.0 / n;
            columnMarginal[b] += 1.0 / n;
        }
        double disagreement = 0;
        double chance = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double weight = (double) (a - b) * (a - b);
                disagreement += weight * observed[a][b];
                chance += weight * rowMarginal[a] * columnMarginal[b];
            }
        }
        if (chance == 0) {
            return null;
        }
        return 1 - disagreement / chance;
    }
}
