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

    private RegressionGate() {}

    /** The allowed drop, checked: from 0 to 4 points (scores run from 1 to 5). */
    public static double allowedDrop(double points) {
        if (!(points >= 0 && points <= 4)) {
            throw new IllegalArgumentException("--fail-on-regression: must be from 0 to 4 points, was " + points);
        }
        return points;
    }

    public static List<Verdict> check(PairedRunComparison comparison, double allowedDrop, GateScope scope) {
        allowedDrop(allowedDrop);
        List<Verdict> verdicts = new ArrayList<>();
        for (PairedCell cell : comparison.cells()) {
            if (!scope.checks(cell.domain())) {
                continue;
            }
            double difference = cell.difference().mean();
            boolean passed =
                    difference >= -allowedDrop - PairedRunComparison.TOLERANCE; // exactly the allowed drop passes
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
