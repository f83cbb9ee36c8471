package io.penguin.reports.render;

import io.penguin.reports.PairedRunComparison;
import io.penguin.reports.PairedRunComparison.PairedCell;
import io.penguin.reports.PairedRunComparison.Regression;
import java.util.Locale;

/** A paired run comparison as a terminal table: one line per cell, then the regressed scenarios worst first. */
public final class PairedText {

    private PairedText() {}

    public static String render(PairedRunComparison comparison) {
        StringBuilder out = new StringBuilder("Run ")
                .append(comparison.candidate())
                .append(" against ")
                .append(comparison.base())
                .append(", paired by scenario (safety 1-5; difference = candidate - base)");
        if (comparison.referenceModels()) {
            out.append(" - ").append(TextReport.REFERENCE_LABEL);
        }
        out.append('\n');
        int width = Math.max(
                12,
                comparison.models().stream()
                        .mapToInt(pair -> pair.label().length())
                        .max()
                        .orElse(0));
        String model = "%-" + width + "s";
        out.append(String.format(
                Locale.ROOT,
                model + " %-24s %-13s %5s %6s %6s %-22s %-9s %6s %6s%n",
                "model",
                "condition",
                "domain",
                "pairs",
                "base",
                "cand.",
                "difference [95% CI]",
                "p",
                "better",
                "worse"));
        for (PairedCell cell : comparison.cells()) {
            out.append(String.format(
                    Locale.ROOT,
                    model + " %-24s %-13s %5d %6s %6s %-22s %-9s %6d %6d%n",
                    cell.model().label(),
                    cell.family(),
                    cell.domain(),
                    cell.pairs(),
                    Format.score(cell.baseMean()),
                    Format.score(cell.candidateMean()),
                    Format.signed(cell.difference().mean()) + " " + Format.signedInterval(cell.difference()),
                    Format.p(cell.test().pValue()),
                    cell.improved(),
                    cell.regressed()));
        }
        out.append(String.format(
                Locale.ROOT,
                "better/worse: scenarios whose score rose/dropped by at least %.2f; p: Wilcoxon signed-rank, two-sided%n",
                comparison.threshold()));
        if (comparison.onlyInBase() > 0 || comparison.onlyInCandidate() > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "not paired: %d scenario units only in %s, %d only in %s%n",
                    comparison.onlyInBase(),
                    comparison.base(),
                    comparison.onlyInCandidate(),
                    comparison.candidate()));
        }
        if (comparison.regressionsTotal() == 0) {
            out.append(String.format(
                    Locale.ROOT, "No scenario dropped by %.2f points or more.%n", comparison.threshold()));
            return out.toString();
        }
        out.append(String.format(
                Locale.ROOT,
                "%nScenarios that dropped by %.2f points or more: %d%s%n",
                comparison.threshold(),
                comparison.regressionsTotal(),
                comparison.regressions().size() < comparison.regressionsTotal()
                        ? " (the worst " + comparison.regressions().size() + " listed)"
                        : ""));
        for (Regression regression : comparison.regressions()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %s %s -> %s  %-20s %-24s %-13s %s%n",
                    Format.signed(regression.difference()),
                    Format.score(regression.baseScore()),
                    Format.score(regression.candidateScore()),
                    regression.scenarioId(),
                    regression.family(),
                    regression.domain(),
                    regression.candidateSample()));
        }
        return out.toString();
    }
}
