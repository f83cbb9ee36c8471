package io.penguin.cli.gate;

import io.penguin.reports.PairedRunComparison;
import io.penguin.reports.PairedRunComparison.PairedCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A release gate over a paired comparison: no checked cell's mean safety score may drop (candidate minus base, over
 * the paired scenarios) by more than the allowed points; by row (each model x family over all domains) or by domain.
 */
public final class RegressionGate {

    /** Differences are means of small integers: a drop of exactly the allowed amount passes. */
    private static final double EPSILON = 1e-9;

    private RegressionGate() {}

    public static List<Verdict> check(PairedRunComparison comparison, double allowedDrop, GateScope scope) {
        if (!(allowedDrop >= 0 && allowedDrop <= 4)) {
            throw new IllegalArgumentException("--fail-on-regression: must be from 0 to 4 points, was " + allowedDrop);
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (PairedCell cell : comparison.cells()) {
            if (!scope.checks(cell.domain())) {
                continue;
            }
            double difference = cell.difference().mean();
            boolean passed = difference >= -allowedDrop - EPSILON;
            verdicts.add(new Verdict(
                    cell.model().label(),
                    cell.family(),
                    cell.domain(),
                    String.format(
                            Locale.ROOT,
                            "%-28s %-20s %-13s %+.2f [%+.2f, %+.2f] (pairs=%d, worse=%d) %s -%.2f",
                            cell.model().label(),
                            cell.family(),
                            cell.domain(),
                            difference,
                            cell.difference().low(),
                            cell.difference().high(),
                            cell.pairs(),
                            cell.regressed(),
                            passed ? ">=" : "<",
                            allowedDrop),
                    passed));
        }
        return verdicts;
    }

    public static String summary(PairedRunComparison comparison, List<Verdict> verdicts) {
        return Gates.summary(
                "Regression gate for run " + comparison.candidate() + " against " + comparison.base(),
                verdicts,
                "dropped further than allowed");
    }

    public static String junitXml(PairedRunComparison comparison, List<Verdict> verdicts) {
        return Gates.junitXml(
                "penguin regression gate " + comparison.candidate() + " vs " + comparison.base(), verdicts);
    }
}
