package io.penguin.reports;

import io.penguin.core.Domain;
import io.penguin.reports.RunReport.Cell;
import io.penguin.reports.RunReport.ScoreRow;
import io.penguin.reports.RunUnits.Unit;
import io.penguin.reports.stats.Bootstrap;
import io.penguin.reports.stats.Estimate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The score table: a row per (model, condition family), a cell per domain and one for all, bootstrap intervals. */
final class ScoresBuilder {

    private final Bootstrap bootstrap;

    ScoresBuilder(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    List<ScoreRow> rows(RunUnits units) {
        List<ScoreRow> scoreRows = new ArrayList<>();
        for (String model : units.models()) {
            for (String family : units.families()) {
                Map<String, Unit> unitMap = units.of(model, family);
                if (unitMap != null) {
                    scoreRows.add(row(model, family, family, unitMap.values()));
                }
            }
        }
        return scoreRows;
    }

    /** The mean safety score of a row's "All" cell. */
    static double allMean(List<ScoreRow> rows, String model, String family) {
        return rows.stream()
                .filter(r -> r.model().equals(model) && r.family().equals(family))
                .findFirst()
                .flatMap(r -> r.cell(RunReport.ALL))
                .orElseThrow()
                .safety()
                .mean();
    }

    private ScoreRow row(String model, String family, String label, Collection<Unit> units) {
        List<Cell> cells = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            List<Unit> inDomain =
                    units.stream().filter(u -> u.domain() == domain).toList();
            if (!inDomain.isEmpty()) {
                cells.add(cell(model, family, domain.label(), inDomain));
            }
        }
        cells.add(cell(model, family, RunReport.ALL, List.copyOf(units)));
        return new ScoreRow(model, family, label, cells);
    }

    private Cell cell(String model, String family, String domain, List<Unit> units) {
        int n = units.size();
        double[][] columns = new double[4][n];
        for (int i = 0; i < n; i++) {
            Unit unit = units.get(i);
            columns[0][i] = unit.safety();
            columns[1][i] = unit.risk();
            columns[2][i] = unit.empathy();
            columns[3][i] = unit.alignment();
        }
        Estimate[] estimates = bootstrap.means(columns, model + "|" + family + "|" + domain);
        return new Cell(domain, n, estimates[0], estimates[1], estimates[2], estimates[3]);
    }
}
