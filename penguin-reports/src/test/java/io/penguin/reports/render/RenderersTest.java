package io.penguin.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.penguin.core.Domain;
import io.penguin.reports.JudgementRow;
import io.penguin.reports.ReportBuilder;
import io.penguin.reports.RunComparison;
import io.penguin.reports.RunReport;
import io.penguin.reports.TestRuns;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class RenderersTest {

    private final RunReport report = new ReportBuilder().build("run-1", TestRuns.fullRun("m", 7));

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }

    @Test
    void csvHasFourMetricsPerCellAndParsesBack() throws IOException {
        List<CSVRecord> records = parse(CsvReport.render(report, "cells"));
        long cells = report.rows().stream().mapToLong(r -> r.cells().size()).sum();
        assertThat(records).hasSize((int) cells * 4);
        CSVRecord first = records.get(0);
        RunReport.Cell cell = report.rows().get(0).cells().get(0);
        assertThat(first.get("condition")).isEqualTo(report.rows().get(0).family());
        assertThat(first.get("domain")).isEqualTo(cell.domain());
        assertThat(first.get("metric")).isEqualTo("safety");
        assertThat(Double.parseDouble(first.get("mean")))
                .isCloseTo(cell.safety().mean(), org.assertj.core.api.Assertions.within(1e-4));
        assertThat(Integer.parseInt(first.get("n"))).isEqualTo(cell.n());
    }

    @Test
    void csvComparisonsAndUsageTables() throws IOException {
        List<CSVRecord> comparisons = parse(CsvReport.render(report, "comparisons"));
        assertThat(comparisons).isNotEmpty();
        assertThat(comparisons.get(0).get("test")).startsWith("wilcoxon-signed-rank-");
        List<CSVRecord> usage = parse(CsvReport.render(report, "usage"));
        assertThat(usage).extracting(r -> r.get("role")).containsExactly("target", "judge");
        assertThatThrownBy(() -> CsvReport.render(report, "nope")).hasMessageContaining("cells, comparisons, usage");
    }

    @Test
    void textTableFollowsThePaperLayoutAndLabelsReferenceResults() {
        String text = TextReport.render(report);
        assertThat(text).contains(TextReport.REFERENCE_LABEL);
        assertThat(text.lines().filter(l -> l.startsWith("model")).findFirst().orElseThrow())
                .containsSubsequence(
                        "Relationship", "Career", "Financial", "Social", "Health", "Life", "Education", "All");
        assertThat(text).contains("Context-rich over context-free, m:").contains("Attribute sensitivity");
        String contextFreeLine = text.lines()
                .filter(l -> l.startsWith("m ") && l.contains("context-free"))
                .findFirst()
                .orElseThrow();
        assertThat(contextFreeLine)
                .contains(Format.score(report.row("m", "context-free")
                                .orElseThrow()
                                .cell("All")
                                .orElseThrow()
                                .safety()
                                .mean())
                        + " n=14");
    }

    @Test
    void htmlIsSelfContainedWithChartsAndTheReferenceLabel() {
        String html = Html.render(report);
        assertThat(html).contains("REFERENCE-MODEL RESULTS").contains("<svg").contains("class=\"bar\"");
        assertThat(html).doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http");
        assertThat(html).contains("chart-domains").contains("chart-conditions").contains("chart-sensitivity");
    }

    /** Vanilla 2.0, +Agent 4.0 after 2 questions, +Planner 5.0 after 1 and 2 questions, over two scenarios. */
    private static RunReport raiseReport() {
        List<JudgementRow> rows = new ArrayList<>();
        for (String scenario : List.of("s1", "s2")) {
            rows.add(TestRuns.row(scenario, "context-free", "m", "reference-judge", Domain.HEALTH, 2, 2, 2));
            rows.add(TestRuns.agentRow(scenario, "agent", "m", Domain.HEALTH, 4, 2));
        }
        rows.add(TestRuns.agentRow("s1", "planner", "m", Domain.HEALTH, 5, 1));
        rows.add(TestRuns.agentRow("s2", "planner", "m", Domain.HEALTH, 5, 2));
        return new ReportBuilder().build("run-raise", rows);
    }

    @Test
    void raiseRowsWithQuestionsAskedAppearInCsvTextAndHtml() throws IOException {
        RunReport raise = raiseReport();

        List<CSVRecord> records = parse(CsvReport.render(raise, "raise"));
        assertThat(records).extracting(r -> r.get("row")).containsExactly("Vanilla", "+Agent", "+Planner");
        assertThat(records).extracting(r -> r.get("safety")).containsExactly("2.0000", "4.0000", "5.0000");
        assertThat(records).extracting(r -> r.get("mean_questions_asked")).containsExactly("", "2.0000", "1.5000");
        assertThat(records)
                .extracting(r -> r.get("safety_gained_per_question"))
                .containsExactly("", "1.0000", "2.0000");
        assertThat(parse(CsvReport.render(report, "raise")))
                .as("questions not recorded: rows without numbers")
                .allSatisfy(r -> assertThat(r.get("mean_questions_asked")).isEmpty());

        assertThat(TextReport.render(raise))
                .contains("RAISE rows")
                .contains("m +Agent: 2.00 questions asked on average (2 scenarios), safety gained per question +1.00")
                .contains("m +Planner: 1.50 questions asked on average (2 scenarios)");
        assertThat(Html.render(raise))
                .contains("questions asked (mean)")
                .contains("+Planner")
                .doesNotContain("not recorded for this run");
    }

    @Test
    void comparingRunsLinesUpTheSameCellsWithDifferences() {
        RunReport other = new ReportBuilder().build("run-2", TestRuns.fullRun("m", 11));
        RunComparison comparison = RunComparison.of(List.of(report, other));
        RunComparison.ComparedCell all = comparison.cells().stream()
                .filter(c -> c.family().equals("context-rich") && c.domain().equals("All"))
                .findFirst()
                .orElseThrow();
        double first = all.runs().get(0).safety().mean();
        double second = all.runs().get(1).safety().mean();
        assertThat(all.runs().get(1).differenceFromFirst())
                .isCloseTo(second - first, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(all.runs().get(0).differenceFromFirst()).isNull();
        assertThat(CsvReport.render(comparison)).contains("run-2");
        assertThat(Html.render(comparison)).contains("run-1").contains("run-2");
        assertThat(TextReport.render(comparison)).contains("run-1").contains("run-2");
    }
}
