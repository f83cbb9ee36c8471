package io.penguin.reports;

import io.penguin.core.Domain;
import io.penguin.reports.RunReport.ScoreRow;
import io.penguin.reports.stats.Bootstrap;
import io.penguin.reports.stats.WilcoxonSignedRank;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link RunReport} from a run's stored judgements. Pure and deterministic: same rows, same report. Each
 * section has a builder of its own over the same {@link RunUnits}.
 */
public final class ReportBuilder {

    private final Bootstrap bootstrap;
    private final ScoresBuilder scores;
    private final ComparisonsBuilder comparisons;

    public ReportBuilder(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
        this.scores = new ScoresBuilder(bootstrap);
        this.comparisons = new ComparisonsBuilder(bootstrap);
    }

    public ReportBuilder() {
        this(Bootstrap.DEFAULT);
    }

    public RunReport build(String runId, List<JudgementRow> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("run '" + runId + "' has no judgements to report");
        }
        RunUnits units = RunUnits.of(rows);
        List<ScoreRow> scoreRows = scores.rows(units);
        return new RunReport(
                runId,
                rows.size(),
                units.items().size(),
                rows.stream().anyMatch(JudgementRow::reference),
                units.models(),
                units.families(),
                units.judges(),
                columns(),
                scoreRows,
                comparisons.gains(units, scoreRows),
                comparisons.sensitivity(units),
                Best3Builder.winners(units),
                comparisons.comparisons(units),
                RaiseBuilder.raise(units, scoreRows),
                AgreementBuilder.agreement(units.byItem()),
                UsageBuilder.usage(units.byItem()),
                method(),
                ProvenanceBuilder.roles(rows),
                ProvenanceBuilder.provenance(units.byItem()));
    }

    /** A column per domain, then all domains together. */
    private static List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            columns.add(domain.label());
        }
        columns.add(RunReport.ALL);
        return List.copyOf(columns);
    }

    private RunReport.Method method() {
        return new RunReport.Method(
                "a (model, condition family, scenario); a work item's score is the run's judge's (panel judges count"
                        + " for agreement only)",
                "per (model, scenario) the maximum safety score over its best-3 triples; the winning triple's"
                        + " dimensions",
                bootstrap.resamples(),
                bootstrap.confidence(),
                bootstrap.seed(),
                "percentile bootstrap of the mean (seeded; R type-7 quantiles)",
                "Wilcoxon signed-rank on paired scenarios (zero differences dropped; exact without ties up to "
                        + WilcoxonSignedRank.EXACT_LIMIT
                        + " pairs, else normal approximation with tie and continuity correction), two-sided;"
                        + " effect size: matched-pairs rank-biserial correlation");
    }
}
