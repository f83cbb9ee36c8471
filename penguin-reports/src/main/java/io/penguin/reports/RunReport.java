package io.penguin.reports;

import io.penguin.reports.stats.Estimate;
import io.penguin.reports.stats.PairedTest;
import java.util.List;
import java.util.Optional;

/**
 * A run's report: what the JSON API serves and every renderer draws from. The unit of analysis is a (model, condition
 * family, scenario): its score is the mean over judges, and for {@code best-3} the best of its triples.
 *
 * @param runId the run
 * @param judgements stored judgements behind the report (one per work item and judge)
 * @param workItems distinct work items
 * @param referenceModels true when any number comes from the offline reference models: label results as such
 * @param models target models, sorted
 * @param families condition families present, in report order
 * @param judges judge models
 * @param columns the domain columns in taxonomy order, then {@code All}
 * @param rows one per model and family: a cell per domain (and All) with mean, CI and n
 * @param contextGain context-rich over context-free per model
 * @param sensitivity single-attribute gains over context-free, ranked per model
 * @param best3 which attributes won best-3 most often, per model
 * @param comparisons paired tests between conditions over the same scenarios
 * @param raise the paper's RAISE rows (Vanilla / +Agent / +Planner); null when the run has no agent conditions
 * @param agreement inter-judge agreement; null when no work item has two judges
 * @param usage tokens, latency and cost per model and role
 * @param method how the numbers were computed
 * @param roles the model behind each role, rule-based ones marked: every number's provenance
 * @param provenance per table row: fallbacks to rule-based stand-ins and the prompt versions behind it
 */
public record RunReport(
        String runId,
        long judgements,
        long workItems,
        boolean referenceModels,
        List<String> models,
        List<String> families,
        List<String> judges,
        List<String> columns,
        List<ScoreRow> rows,
        List<ContextGain> contextGain,
        List<Sensitivity> sensitivity,
        List<Best3Winners> best3,
        List<PairedComparison> comparisons,
        RaiseSection raise,
        JudgeAgreement agreement,
        List<UsageSummary> usage,
        Method method,
        List<RoleModel> roles,
        List<RowProvenance> provenance) {

    public static final String ALL = "All";

    /** The row of a model and family, if the run has it. */
    public Optional<ScoreRow> row(String model, String family) {
        return rows.stream()
                .filter(row -> row.model().equals(model) && row.family().equals(family))
                .findFirst();
    }

    /**
     * A table row.
     *
     * @param model the target model
     * @param family the condition family, e.g. {@code random-3}
     * @param label the row's name (the family, or Vanilla/+Agent/+Planner in the RAISE table)
     * @param cells one per domain with scenarios, then {@code All}, in column order
     */
    public record ScoreRow(String model, String family, String label, List<Cell> cells) {

        public Optional<Cell> cell(String domain) {
            return cells.stream().filter(c -> c.domain().equals(domain)).findFirst();
        }
    }

    /**
     * Means of one model x family x domain, each with its 95% bootstrap interval.
     *
     * @param domain a domain label or {@code All}
     * @param n scenarios behind the cell
     * @param safety the safety score (mean of the three dimensions)
     */
    public record Cell(
            String domain,
            int n,
            Estimate safety,
            Estimate riskSensitivity,
            Estimate emotionalEmpathy,
            Estimate userSpecificAlignment) {}

    /**
     * Context-rich over context-free for one model.
     *
     * @param contextFree the All mean of context-free
     * @param contextRich the All mean of context-rich
     * @param improvementPercent (rich - free) / free x 100
     * @param comparison the paired test over the scenarios both conditions have
     */
    public record ContextGain(
            String model,
            double contextFree,
            double contextRich,
            double improvementPercent,
            PairedComparison comparison) {}

    /**
     * How much one attribute alone helps: the mean paired gain of {@code single:<attribute>} over context-free.
     *
     * @param rank 1 for the most helpful attribute of this model
     */
    public record Sensitivity(String model, int rank, String attribute, PairedComparison comparison) {}

    /**
     * A paired comparison of two conditions over the same scenarios: {@code second - first}.
     *
     * @param pairs scenarios both conditions have
     * @param firstMean mean of the first over those pairs
     * @param secondMean mean of the second over those pairs
     * @param difference mean paired difference with its bootstrap interval
     * @param test Wilcoxon signed-rank with the rank-biserial effect size
     */
    public record PairedComparison(
            String model,
            String first,
            String second,
            int pairs,
            double firstMean,
            double secondMean,
            Estimate difference,
            PairedTest test) {}

    /**
     * Which attributes won best-3 (the triple with the highest safety score per scenario).
     *
     * @param scenarios scenarios with best-3 judgements
     * @param attributes each attribute's wins, most frequent first
     * @param triples the most frequent winning triples (at most five)
     */
    public record Best3Winners(String model, int scenarios, List<AttributeWins> attributes, List<TripleWins> triples) {}

    /** @param share wins / scenarios */
    public record AttributeWins(String attribute, int wins, double share) {}

    public record TripleWins(String triple, int wins) {}

    /**
     * The paper's RAISE table: per model and domain, Vanilla (context-free), +Agent, +Planner.
     *
     * @param rows the rows, labelled Vanilla / +Agent / +Planner
     * @param questions questions asked by the agent rows that recorded them (none are invented)
     */
    public record RaiseSection(List<ScoreRow> rows, List<AgentQuestions> questions) {}

    /**
     * @param meanQuestions mean attributes asked per scenario
     * @param safetyGainPerQuestion (agent mean - vanilla mean) / meanQuestions; null without a vanilla row
     * @param scenarios scenarios with a recorded count
     */
    public record AgentQuestions(
            String model, String family, double meanQuestions, Double safetyGainPerQuestion, int scenarios) {}

    /**
     * Agreement between judges on the work items that several judges scored.
     *
     * @param judges the judges
     * @param units work items with at least two judges
     * @param dimensions one per rubric dimension
     */
    public record JudgeAgreement(List<String> judges, int units, List<DimensionAgreement> dimensions) {}

    /**
     * @param dimension the rubric dimension
     * @param units work items behind the numbers
     * @param alphaInterval Krippendorff's alpha, interval metric; null when undefined
     * @param alphaOrdinal Krippendorff's alpha, ordinal metric; null when undefined
     * @param quadraticWeightedKappa Cohen's kappa with quadratic weights, only when exactly two judges
     */
    public record DimensionAgreement(
            String dimension, int units, Double alphaInterval, Double alphaOrdinal, Double quadraticWeightedKappa) {}

    /**
     * What one model's calls in one role cost.
     *
     * @param role {@code target} or {@code judge}
     * @param provider {@code reference} for the offline reference models
     * @param calls calls (a target call counts once however many judges scored it)
     * @param latencyMillis summed wall time
     * @param cost summed cost of the priced calls, in the endpoint's price units; null when no call had a price
     * @param pricedCalls calls with a known cost
     */
    public record UsageSummary(
            String role,
            String model,
            String provider,
            long calls,
            long promptTokens,
            long completionTokens,
            long latencyMillis,
            double meanLatencyMillis,
            Double cost,
            long pricedCalls) {}

    /** The provenance of a model × condition family row, if the run has it. */
    public Optional<RowProvenance> provenance(String model, String family) {
        return provenance.stream()
                .filter(row -> row.model().equals(model) && row.family().equals(family))
                .findFirst();
    }

    /**
     * A model that played a role in the run.
     *
     * @param role {@code target}, {@code judge}, {@code agent}, {@code user-simulator}, {@code planner-target},
     *     {@code planner-judge}
     * @param reference true for an offline rule-based reference model: its numbers test the pipeline, not a model
     */
    public record RoleModel(String role, String model, boolean reference) {}

    /**
     * Where a row's numbers came from.
     *
     * @param workItems work items behind the row
     * @param fallbackItems of those, items where a rule-based stand-in decided at least once for a failed model
     * @param mostlyStandIns true when more than half of the row's items had a fallback: the row says so
     * @param targetPromptVersions the target prompt versions behind the row; more than one means mixed templates
     * @param judgePromptVersions the judge prompt versions behind the row
     */
    public record RowProvenance(
            String model,
            String family,
            int workItems,
            int fallbackItems,
            boolean mostlyStandIns,
            List<String> targetPromptVersions,
            List<String> judgePromptVersions) {

        /** True when the row mixes prompt templates: its numbers are not one measurement. */
        public boolean mixedPromptVersions() {
            return targetPromptVersions.size() > 1 || judgePromptVersions.size() > 1;
        }
    }

    /** How the numbers were computed, for the reader and for reproduction. */
    public record Method(
            String unit, String best3, int resamples, double confidence, long seed, String interval, String test) {}
}
