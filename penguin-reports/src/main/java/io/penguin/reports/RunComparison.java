package io.penguin.reports;

import io.penguin.reports.stats.Estimate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Several runs side by side: the same cells (model x condition family x domain) with each run's safety mean, CI and
 * n, and the difference from the first run.
 *
 * @param runs the run ids, in the order asked
 * @param referenceModels true when any of the runs has reference-model numbers
 * @param columns the domain columns, then {@code All}
 * @param cells one per model, family and domain that any run has
 */
public record RunComparison(
        List<String> runs, boolean referenceModels, List<String> columns, List<ComparedCell> cells) {

    /** @param runs one per compared run, in the order of {@link RunComparison#runs()} */
    public record ComparedCell(String model, String family, String domain, List<RunCell> runs) {}

    /**
     * @param safety the run's mean with CI; null when the run has no such cell
     * @param differenceFromFirst this run's mean minus the first run's; null for the first run or a missing cell
     */
    public record RunCell(String runId, int n, Estimate safety, Double differenceFromFirst) {}

    /** Lines the reports up by model, family and domain. */
    public static RunComparison of(List<RunReport> reports) {
        if (reports.size() < 2) {
            throw new IllegalArgumentException("comparing needs at least two runs, got " + reports.size());
        }
        Set<List<String>> keys = new LinkedHashSet<>();
        for (RunReport report : reports) {
            for (RunReport.ScoreRow row : report.rows()) {
                for (RunReport.Cell cell : row.cells()) {
                    keys.add(List.of(row.model(), row.family(), cell.domain()));
                }
            }
        }
        List<String> columns = reports.get(0).columns();
        List<List<String>> ordered = new ArrayList<>(keys);
        ordered.sort(java.util.Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1), Families.ORDER)
                .thenComparingInt(k -> columns.indexOf(k.get(2))));
        List<ComparedCell> cells = new ArrayList<>();
        for (List<String> key : ordered) {
            List<RunCell> runs = new ArrayList<>();
            Double first = null;
            for (int i = 0; i < reports.size(); i++) {
                RunReport report = reports.get(i);
                Optional<RunReport.Cell> cell =
                        report.row(key.get(0), key.get(1)).flatMap(row -> row.cell(key.get(2)));
                Estimate safety = cell.map(RunReport.Cell::safety).orElse(null);
                if (i == 0) {
                    first = safety == null ? null : safety.mean();
                }
                Double difference = i == 0 || safety == null || first == null ? null : safety.mean() - first;
                runs.add(new RunCell(report.runId(), cell.map(RunReport.Cell::n).orElse(0), safety, difference));
            }
            cells.add(new ComparedCell(key.get(0), key.get(1), key.get(2), runs));
        }
        return new RunComparison(
                reports.stream().map(RunReport::runId).toList(),
                reports.stream().anyMatch(RunReport::referenceModels),
                columns,
                cells);
    }
}
