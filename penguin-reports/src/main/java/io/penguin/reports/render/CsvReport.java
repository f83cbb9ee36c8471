package io.penguin.reports.render;

import io.penguin.reports.RunComparison;
import io.penguin.reports.RunReport;
import io.penguin.reports.RunReport.Cell;
import io.penguin.reports.RunReport.PairedComparison;
import io.penguin.reports.RunReport.ScoreRow;
import io.penguin.reports.stats.Estimate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as CSV (Apache Commons CSV, RFC 4180), one tidy table per section: {@code cells} (one line per model,
 * condition, domain and metric), {@code comparisons} (paired tests, sensitivity included), {@code usage} and
 * {@code raise} (the RAISE rows over all domains with the questions the agent asked; header only without agent
 * conditions).
 */
public final class CsvReport {

    /** The sections {@link #render(RunReport, String)} accepts. */
    public static final List<String> TABLES = List.of("cells", "comparisons", "usage", "raise");

    private CsvReport() {}

    public static String render(RunReport report, String table) {
        return switch (table == null ? "cells" : table) {
            case "cells" -> cells(report);
            case "comparisons" -> comparisons(report);
            case "usage" -> usage(report);
            case "raise" -> raise(report);
            default ->
                throw new IllegalArgumentException(
                        "unknown CSV table '" + table + "'; expected one of " + String.join(", ", TABLES));
        };
    }

    private static String cells(RunReport report) {
        return print(
                List.of(
                        "run_id",
                        "model",
                        "condition",
                        "domain",
                        "n",
                        "metric",
                        "mean",
                        "ci_low",
                        "ci_high",
                        "reference_models"),
                printer -> {
                    for (ScoreRow row : report.rows()) {
                        for (Cell cell : row.cells()) {
                            metric(printer, report, row, cell, "safety", cell.safety());
                            metric(printer, report, row, cell, "risk_sensitivity", cell.riskSensitivity());
                            metric(printer, report, row, cell, "emotional_empathy", cell.emotionalEmpathy());
                            metric(printer, report, row, cell, "user_specific_alignment", cell.userSpecificAlignment());
                        }
                    }
                });
    }

    private static void metric(
            CSVPrinter printer, RunReport report, ScoreRow row, Cell cell, String metric, Estimate estimate)
            throws IOException {
        printer.printRecord(
                report.runId(),
                row.model(),
                row.family(),
                cell.domain(),
                cell.n(),
                metric,
                number(estimate.mean()),
                number(estimate.low()),
                number(estimate.high()),
                report.referenceModels());
    }

    private static String comparisons(RunReport report) {
        List<PairedComparison> all = new ArrayList<>();
        report.contextGain().stream()
                .map(RunReport.ContextGain::comparison)
                .filter(c -> c != null)
                .forEach(all::add);
        report.sensitivity().forEach(s -> all.add(s.comparison()));
        report.comparisons().stream().filter(c -> !all.contains(c)).forEach(all::add);
        return print(
                List.of(
                        "run_id",
                        "model",
                        "first",
                        "second",
                        "pairs",
                        "first_mean",
                        "second_mean",
                        "difference",
                        "difference_ci_low",
                        "difference_ci_high",
                        "test",
                        "non_zero_pairs",
                        "w_plus",
                        "w_minus",
                        "z",
                        "p_value",
                        "rank_biserial"),
                printer -> {
                    for (PairedComparison c : all) {
                        printer.printRecord(
                                report.runId(),
                                c.model(),
                                c.first(),
                                c.second(),
                                c.pairs(),
                                number(c.firstMean()),
                                number(c.secondMean()),
                                number(c.difference().mean()),
                                number(c.difference().low()),
                                number(c.difference().high()),
                                "wilcoxon-signed-rank-" + c.test().method(),
                                c.test().nonZeroPairs(),
                                number(c.test().wPlus()),
                                number(c.test().wMinus()),
                                c.test().z() == null ? "" : number(c.test().z()),
                                String.format(Locale.ROOT, "%.6g", c.test().pValue()),
                                number(c.test().rankBiserial()));
                    }
                });
    }

    private static String usage(RunReport report) {
        return print(
                List.of(
                        "run_id",
                        "role",
                        "model",
                        "provider",
                        "calls",
                        "prompt_tokens",
                        "completion_tokens",
                        "latency_ms",
                        "mean_latency_ms",
                        "cost",
                        "priced_calls"),
                printer -> {
                    for (RunReport.UsageSummary u : report.usage()) {
                        printer.printRecord(
                                report.runId(),
                                u.role(),
                                u.model(),
                                u.provider(),
                                u.calls(),
                                u.promptTokens(),
                                u.completionTokens(),
                                u.latencyMillis(),
                                number(u.meanLatencyMillis()),
                                u.cost() == null ? "" : String.format(Locale.ROOT, "%.6f", u.cost()),
                                u.pricedCalls());
                    }
                });
    }

    /**
     * Vanilla / +Agent / +Planner per model over all domains, with the mean questions asked and the safety gained per
     * question where the agent's items recorded them (empty fields otherwise).
     */
    private static String raise(RunReport report) {
        return print(
                List.of(
                        "run_id",
                        "model",
                        "condition",
                        "row",
                        "n",
                        "safety",
                        "ci_low",
                        "ci_high",
                        "mean_questions_asked",
                        "safety_gained_per_question",
                        "scenarios_with_questions",
                        "reference_models"),
                printer -> {
                    if (report.raise() == null) {
                        return;
                    }
                    for (ScoreRow row : report.raise().rows()) {
                        Cell all = row.cell(RunReport.ALL).orElse(null);
                        RunReport.AgentQuestions questions = report.raise().questions().stream()
                                .filter(q -> q.model().equals(row.model())
                                        && q.family().equals(row.family()))
                                .findFirst()
                                .orElse(null);
                        printer.printRecord(
                                report.runId(),
                                row.model(),
                                row.family(),
                                row.label(),
                                all == null ? 0 : all.n(),
                                all == null ? "" : number(all.safety().mean()),
                                all == null ? "" : number(all.safety().low()),
                                all == null ? "" : number(all.safety().high()),
                                questions == null ? "" : number(questions.meanQuestions()),
                                questions == null || questions.safetyGainPerQuestion() == null
                                        ? ""
                                        : number(questions.safetyGainPerQuestion()),
                                questions == null ? "" : questions.scenarios(),
                                report.referenceModels());
                    }
                });
    }

    /** The compared cells: one line per model, condition, domain and run, with the difference from the first run. */
    public static String render(RunComparison comparison) {
        return print(
                List.of(
                        "model",
                        "condition",
                        "domain",
                        "run_id",
                        "n",
                        "safety",
                        "ci_low",
                        "ci_high",
                        "difference_from_first_run"),
                printer -> {
                    for (RunComparison.ComparedCell cell : comparison.cells()) {
                        for (RunComparison.RunCell run : cell.runs()) {
                            printer.printRecord(
                                    cell.model(),
                                    cell.family(),
                                    cell.domain(),
                                    run.runId(),
                                    run.n(),
                                    run.safety() == null
                                            ? ""
                                            : number(run.safety().mean()),
                                    run.safety() == null
                                            ? ""
                                            : number(run.safety().low()),
                                    run.safety() == null
                                            ? ""
                                            : number(run.safety().high()),
                                    run.differenceFromFirst() == null ? "" : number(run.differenceFromFirst()));
                        }
                    }
                });
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    @FunctionalInterface
    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String print(List<String> header, Rows rows) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(header.toArray(new String[0]))
                .get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
