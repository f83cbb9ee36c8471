package io.penguin.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {

    /**
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with four observers, twelve
     * units and missing values; published: nominal 0.743, ordinal 0.815, interval 0.849.
     */
    private static List<double[]> krippendorffExample() {
        Integer[][] observers = {
            {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
            {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
            {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
            {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null}
        };
        List<double[]> units = new ArrayList<>();
        for (int u = 0; u < 12; u++) {
            List<Double> values = new ArrayList<>();
            for (Integer[] observer : observers) {
                if (observer[u] != null) {
                    values.add(observer[u].doubleValue());
                }
            }
            units.add(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return units;
    }

    @Test
    void alphaMatchesKrippendorffsWorkedExample() {
        List<double[]> units = krippendorffExample();
        assertThat(Agreement.krippendorffAlpha(units, Agreement.Metric.NOMINAL)).isCloseTo(0.743, within(5e-4));
        assertThat(Agreement.krippendorffAlpha(units, Agreement.Metric.ORDINAL)).isCloseTo(0.815, within(5e-4));
        assertThat(Agreement.krippendorffAlpha(units, Agreement.Metric.INTERVAL))
                .isCloseTo(0.849, within(5e-4));
    }

    @Test
    void alphaIsOneForPerfectAgreementAndUndefinedWithoutVariation() {
        List<double[]> perfect = List.of(new double[] {1, 1}, new double[] {3, 3}, new double[] {5, 5});
        assertThat(Agreement.krippendorffAlpha(perfect, Agreement.Metric.INTERVAL))
                .isEqualTo(1.0);
        List<double[]> constant = List.of(new double[] {4, 4}, new double[] {4, 4});
        assertThat(Agreement.krippendorffAlpha(constant, Agreement.Metric.INTERVAL))
                .isNull();
    }

    @Test
    void quadraticWeightedKappaOfPerfectAndOfReversedJudges() {
        assertThat(Agreement.quadraticWeightedKappa(new int[] {1, 3, 5}, new int[] {1, 3, 5}, 1, 5))
                .isEqualTo(1.0);
        // Two units, judges swapped: observed weighted disagreement 1, chance 1/2 (on a 1-2 scale), kappa = -1.
        assertThat(Agreement.quadraticWeightedKappa(new int[] {1, 2}, new int[] {2, 1}, 1, 2))
                .isCloseTo(-1.0, within(1e-12));
        // With two judges and interval data, quadratic kappa and alpha differ only by the n/(n-1) small-sample term.
        int[] first = {1, 2, 3, 4, 5, 3, 2, 4};
        int[] second = {2, 2, 3, 5, 4, 3, 1, 4};
        List<double[]> units = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            units.add(new double[] {first[i], second[i]});
        }
        double kappa = Agreement.quadraticWeightedKappa(first, second, 1, 5);
        double alpha = Agreement.krippendorffAlpha(units, Agreement.Metric.INTERVAL);
        assertThat(kappa).isBetween(0.5, 1.0);
        assertThat(alpha).isCloseTo(kappa, within(0.1));
    }
}
