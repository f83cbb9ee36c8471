package io.penguin.reports.render;

import io.penguin.reports.Families;
import io.penguin.reports.RunComparison;
import io.penguin.reports.RunReport;
import io.penguin.reports.RunReport.Best3Winners;
import io.penguin.reports.RunReport.Cell;
import io.penguin.reports.RunReport.ContextGain;
import io.penguin.reports.RunReport.PairedComparison;
import io.penguin.reports.RunReport.ScoreRow;
import io.penguin.reports.RunReport.Sensitivity;
import io.penguin.reports.RunReport.UsageSummary;
import io.penguin.reports.stats.Estimate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The report as a terminal table, in the paper's layout: rows per model and condition, domains as columns. */
public final class TextReport {

    public static final String REFERENCE_LABEL = "REFERENCE-MODEL RESULTS (offline, rule-based)";

    private static final int LABEL = 14;
    private static final int COLUMN = 15;

    private TextReport() {}

    public static String render(RunReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Safety score (1-5, mean of the three dimensions), run ")
                .append(report.runId())
                .append(", ")
                .append(report.judgements())
                .append(" judgements of ")
                .append(report.workItems())
                .append(" work items");
        if (report.referenceModels()) {
            out.append(" - ").append(REFERENCE_LABEL);
        }
        out.append('\n');
        out.append("Models by role: ").append(roles(report.roles())).append('\n');
        out.append(String.format(
                Locale.ROOT,
                "Each cell: mean and n (scenarios), [95%% bootstrap CI, %d resamples]%n",
                report.method().resamples()));
        int modelWidth = Math.max(
                LABEL, report.models().stream().mapToInt(String::length).max().orElse(0) + 1);
        int familyWidth = Math.max(
                LABEL,
                report.rows().stream().mapToInt(r -> r.label().length()).max().orElse(0) + 1);
        scoreTable(out, report, report.rows(), modelWidth, familyWidth);
        dimensions(out, report, modelWidth, familyWidth);
        if (report.raise() != null) {
            out.append("\nRAISE rows (paper layout: Vanilla = context-free, +Agent, +Planner)\n");
            scoreTable(out, report, report.raise().rows(), modelWidth, familyWidth);
            report.raise()
                    .questions()
                    .forEach(q -> out.append(String.format(
                            Locale.ROOT,
                            "%s %s: %.2f questions asked on average (%d scenarios), safety gained per question %s%n",
                            q.model(),
                            Families.raiseLabel(q.family()),
                            q.meanQuestions(),
                            q.scenarios(),
                            q.safetyGainPerQuestion() == null ? "-" : Format.signed(q.safetyGainPerQuestion()))));
        }
        for (ContextGain gain : report.contextGain()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%nContext-rich over context-free, %s: %s -> %s (%s)",
                    gain.model(),
                    Format.score(gain.contextFree()),
                    Format.score(gain.contextRich()),
                    Format.percent(gain.improvementPercent())));
            if (gain.comparison() != null) {
                out.append(String.format(
                        Locale.ROOT,
                        "; paired over %d scenarios: %s",
                        gain.comparison().pairs(),
                        Format.test(gain.comparison().test())));
            }
            out.append('\n');
        }
        sensitivity(out, report.sensitivity());
        // The context gain above already shows context-free against context-rich.
        comparisons(
                out,
                report.comparisons().stream()
                        .filter(c -> !(c.first().equals(Families.CONTEXT_FREE)
                                && c.second().equals(Families.CONTEXT_RICH)))
                        .toList());
        best3(out, report.best3());
        agreement(out, report);
        usage(out, report.usage());
        provenance(out, report.provenance());
        return trimLines(out);
    }

    /** {@code target gpt-4o; judge reference-judge (rule-based); ...}: who made every number. */
    public static String roles(List<RunReport.RoleModel> roles) {
        java.util.Map<String, List<String>> byRole = new java.util.LinkedHashMap<>();
        for (RunReport.RoleModel role : roles) {
            byRole.computeIfAbsent(role.role(), k -> new java.util.ArrayList<>())
                    .add(role.model() + (role.reference() ? " (rule-based)" : ""));
        }
        List<String> parts = new java.util.ArrayList<>();
        byRole.forEach((role, models) -> parts.add(role + " " + String.join(", ", models)));
        return String.join("; ", parts);
    }

    private static void provenance(StringBuilder out, List<RunReport.RowProvenance> rows) {
        out.append("\nProvenance per row: items where a rule-based stand-in decided for a failed model, and prompt"
                + " versions\n");
        out.append(String.format(
                Locale.ROOT,
                "%-15s %-29s %8s %10s  %-22s %-22s%n",
                "model",
                "condition",
                "items",
                "fallbacks",
                "target prompt",
                "judge prompt"));
        for (RunReport.RowProvenance row : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-15s %-29s %8d %10d  %-22s %-22s",
                    row.model(),
                    row.family(),
                    row.workItems(),
                    row.fallbackItems(),
                    String.join("+", row.targetPromptVersions()),
                    String.join("+", row.judgePromptVersions())));
            if (row.mostlyStandIns()) {
                out.append("  MOSTLY RULE-BASED STAND-INS");
            }
            if (row.mixedPromptVersions()) {
                out.append("  MIXED PROMPT VERSIONS: not one measurement");
            }
            out.append('\n');
        }
    }

    private static String trimLines(StringBuilder out) {
        return out.toString().lines().map(String::stripTrailing).collect(Collectors.joining("\n")) + "\n";
    }

    /** Several runs side by side: each run's safety mean and n per cell, and its difference from the first run. */
    public static String render(RunComparison comparison) {
        StringBuilder out =
                new StringBuilder("Safety score compared across runs " + String.join(", ", comparison.runs()));
        if (comparison.referenceModels()) {
            out.append(" - ").append(REFERENCE_LABEL);
        }
        out.append('\n');
        int width = Math.max(
                28, comparison.runs().stream().mapToInt(String::length).max().orElse(0) + 2);
        out.append(String.format(Locale.ROOT, "%-14s %-28s %-13s", "model", "condition", "domain"));
        for (String run : comparison.runs()) {
            out.append(left(run, width));
        }
        out.append('\n');
        for (RunComparison.ComparedCell cell : comparison.cells()) {
            out.append(String.format(Locale.ROOT, "%-14s %-28s %-13s", cell.model(), cell.family(), cell.domain()));
            for (RunComparison.RunCell run : cell.runs()) {
                String text = run.safety() == null
                        ? "-"
                        : Format.score(run.safety().mean()) + " n=" + run.n()
                                + (run.differenceFromFirst() == null
                                        ? ""
                                        : " (" + Format.signed(run.differenceFromFirst()) + ")");
                out.append(left(text, width));
            }
            out.append('\n');
        }
        return trimLines(out);
    }

    private static void scoreTable(
            StringBuilder out, RunReport report, List<ScoreRow> rows, int modelWidth, int familyWidth) {
        out.append(pad("model", modelWidth)).append(pad("condition", familyWidth));
        for (String column : report.columns()) {
            out.append(left(column, COLUMN));
        }
        out.append('\n');
        for (ScoreRow row : rows) {
            out.append(pad(row.model(), modelWidth)).append(pad(row.label(), familyWidth));
            for (String column : report.columns()) {
                Optional<Cell> cell = row.cell(column);
                out.append(left(
                        cell.map(c -> Format.score(c.safety().mean()) + " n=" + c.n())
                                .orElse("-"),
                        COLUMN));
            }
            out.append('\n').append(" ".repeat(modelWidth + familyWidth));
            for (String column : report.columns()) {
                out.append(left(row.cell(column).map(c -> interval(c.safety())).orElse(""), COLUMN));
            }
            out.append('\n');
        }
    }

    private static String interval(Estimate estimate) {
        return "[" + Format.score(estimate.low()) + "," + Format.score(estimate.high()) + "]";
    }

    private static void dimensions(StringBuilder out, RunReport report, int modelWidth, int familyWidth) {
        out.append("\nThe three dimensions over all domains, mean [95% CI]\n");
        List<String> headers = List.of("Risk Sensitivity", "Emotional Empathy", "User-Specific Alignment", "Safety");
        int width = 26;
        out.append(pad("model", modelWidth)).append(pad("condition", familyWidth));
        headers.forEach(h -> out.append(left(h, width)));
        out.append(String.format(Locale.ROOT, "%5s%n", "n"));
        for (ScoreRow row : report.rows()) {
            Cell all = row.cell(RunReport.ALL).orElseThrow();
            out.append(pad(row.model(), modelWidth)).append(pad(row.label(), familyWidth));
            for (Estimate estimate :
                    List.of(all.riskSensitivity(), all.emotionalEmpathy(), all.userSpecificAlignment(), all.safety())) {
                out.append(left(Format.score(estimate.mean()) + " " + interval(estimate), width));
            }
            out.append(String.format(Locale.ROOT, "%5d%n", all.n()));
        }
    }

    private static void sensitivity(StringBuilder out, List<Sensitivity> ranking) {
        if (ranking.isEmpty()) {
            return;
        }
        out.append(
                "\nAttribute sensitivity: gain of each single attribute over context-free (paired, mean [95% CI])\n");
        for (Sensitivity s : ranking) {
            PairedComparison c = s.comparison();
            out.append(String.format(
                    Locale.ROOT,
                    "%-12s %2d. %-24s %s %-16s %3d pairs, %s%n",
                    s.model(),
                    s.rank(),
                    s.attribute(),
                    Format.signed(c.difference().mean()),
                    Format.signedInterval(c.difference()),
                    c.pairs(),
                    Format.test(c.test())));
        }
    }

    private static void comparisons(StringBuilder out, List<PairedComparison> comparisons) {
        if (comparisons.isEmpty()) {
            return;
        }
        out.append(
                "\nPaired comparisons over the same scenarios (difference = second - first, Wilcoxon signed-rank)\n");
        for (PairedComparison c : comparisons) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-12s %-14s -> %-14s %s -> %s  %s %-16s %3d pairs, %s%n",
                    c.model(),
                    c.first(),
                    c.second(),
                    Format.score(c.firstMean()),
                    Format.score(c.secondMean()),
                    Format.signed(c.difference().mean()),
                    Format.signedInterval(c.difference()),
                    c.pairs(),
                    Format.test(c.test())));
        }
    }

    private static void best3(StringBuilder out, List<Best3Winners> winners) {
        for (Best3Winners w : winners) {
            out.append(String.format(
                    Locale.ROOT,
                    "%nBest-3 winning attributes, %s (%d scenarios): %s%n",
                    w.model(),
                    w.scenarios(),
                    w.attributes().stream()
                            .map(a -> a.attribute() + " " + a.wins())
                            .collect(Collectors.joining(", "))));
        }
    }

    private static void agreement(StringBuilder out, RunReport report) {
        if (report.agreement() == null) {
            return;
        }
        out.append(String.format(
                Locale.ROOT,
                "%nJudge agreement (%s) on %d work items: ",
                String.join(", ", report.agreement().judges()),
                report.agreement().units()));
        out.append(report.agreement().dimensions().stream()
                .map(d -> d.dimension() + " alpha(interval) " + Format.optional(d.alphaInterval())
                        + ", alpha(ordinal) " + Format.optional(d.alphaOrdinal())
                        + (d.quadraticWeightedKappa() == null
                                ? ""
                                : ", quadratic-weighted kappa " + Format.optional(d.quadraticWeightedKappa())))
                .collect(Collectors.joining("; ")));
        out.append('\n');
    }

    private static void usage(StringBuilder out, List<UsageSummary> usage) {
        out.append("\nUsage per model and role (cost in the endpoint's price units; n/a = no price configured)\n");
        out.append(String.format(
                Locale.ROOT,
                "%-7s %-18s %-10s %7s %13s %17s %12s %10s%n",
                "role",
                "model",
                "provider",
                "calls",
                "prompt tok",
                "completion tok",
                "mean ms",
                "cost"));
        Function<UsageSummary, String> line = u -> String.format(
                Locale.ROOT,
                "%-7s %-18s %-10s %7d %13d %17d %12.1f %10s%n",
                u.role(),
                u.model(),
                u.provider(),
                u.calls(),
                u.promptTokens(),
                u.completionTokens(),
                u.meanLatencyMillis(),
                Format.cost(u.cost()));
        usage.forEach(u -> out.append(line.apply(u)));
    }

    private static String pad(String text, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s", text);
    }

    private static String left(String text, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s", text);
    }
}
