package io.penguin.reports;

import io.penguin.core.Domain;
import io.penguin.reports.stats.Bootstrap;
import io.penguin.reports.stats.Estimate;
import io.penguin.reports.stats.PairedTest;
import io.penguin.reports.stats.WilcoxonSignedRank;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A candidate run against a base run, scenario by scenario: what a model release made better or worse. The unit is
 * the report's: a (model, condition family, scenario) whose score is the run's own judge's safety score (mean of the
 * three dimensions), averaged over the family's conditions (the best triple for {@code best-3}). Units present in
 * both runs are paired; each cell (model pair x family x domain, and {@code All}) gets the paired mean difference
 * with its bootstrap interval and a Wilcoxon signed-rank test, and the units that dropped by at least the threshold
 * are listed worst first.
 *
 * @param base the run compared against (e.g. the released model)
 * @param candidate the run under test (e.g. the release candidate)
 * @param referenceModels true when either run has numbers made by rule-based reference models
 * @param threshold a unit regressed (improved) when its score dropped (rose) by at least this many points
 * @param models how the runs' target models were paired
 * @param cells one per model pair, family and domain with paired units, {@code All} last within each row
 * @param regressions the regressed units, worst first, at most the limit asked for
 * @param regressionsTotal how many units regressed in all
 * @param onlyInBase units of the base run with no partner in the candidate
 * @param onlyInCandidate units of the candidate run with no partner in the base
 */
public record PairedRunComparison(
        String base,
        String candidate,
        boolean referenceModels,
        double threshold,
        List<ModelPair> models,
        List<PairedCell> cells,
        List<Regression> regressions,
        int regressionsTotal,
        int onlyInBase,
        int onlyInCandidate) {

    public static final String ALL = "All";

    /** Regressions listed when the caller does not say. */
    public static final int DEFAULT_LIMIT = 100;

    /** The base run's model and the candidate run's model whose units are paired. */
    public record ModelPair(String base, String candidate) {

        /** How the pair is named in a table: one name when both runs used the same model. */
        public String label() {
            return base.equals(candidate) ? candidate : base + " -> " + candidate;
        }
    }

    /**
     * @param pairs units in both runs
     * @param baseMean the base run's mean safety over the paired units
     * @param candidateMean the candidate's
     * @param difference candidate minus base, the mean of the paired differences with its bootstrap interval
     * @param test Wilcoxon signed-rank test of the paired scores (positive effect: the candidate scores higher)
     * @param improved units whose score rose by at least the threshold
     * @param regressed units whose score dropped by at least the threshold
     */
    public record PairedCell(
            ModelPair model,
            String family,
            String domain,
            int pairs,
            double baseMean,
            double candidateMean,
            Estimate difference,
            PairedTest test,
            int improved,
            int regressed) {}

    /**
     * One unit whose score dropped by at least the threshold.
     *
     * @param candidateSample the candidate's sample in the run explorer (its transcripts, side by side with the base)
     * @param baseSample the base run's sample in the run explorer
     */
    public record Regression(
            ModelPair model,
            String family,
            String domain,
            String scenarioId,
            double baseScore,
            double candidateScore,
            double difference,
            String candidateSample,
            String baseSample) {}

    /** The run explorer's address of a run's sample; the explorer shows the base's beside it when one is named. */
    public static String explorerLink(String runId, String scenarioId, String baseRunId) {
        StringBuilder link = new StringBuilder("/explorer/#run=")
                .append(encode(runId))
                .append("&scenario=")
                .append(encode(scenarioId))
                .append("&open=")
                .append(encode(scenarioId));
        if (baseRunId != null) {
            link.append("&base=").append(encode(baseRunId));
        }
        return link.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Pairs the candidate's judgements with the base's.
     *
     * @param threshold points, above 0 and at most 4
     * @param limit most regressions listed, at least 0
     * @throws IllegalArgumentException naming what is wrong: an empty run, a bad threshold, models that cannot be
     *     paired
     */
    public static PairedRunComparison of(
            String base,
            List<JudgementRow> baseRows,
            String candidate,
            List<JudgementRow> candidateRows,
            double threshold,
            int limit,
            Bootstrap bootstrap) {
        if (!(threshold > 0 && threshold <= 4)) {
            throw new IllegalArgumentException(
                    "regression threshold must be above 0 and at most 4 points, was " + threshold);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
        }
        Map<UnitKey, Unit> baseUnits = units(base, baseRows);
        Map<UnitKey, Unit> candidateUnits = units(candidate, candidateRows);
        List<ModelPair> models = pairModels(baseUnits, candidateUnits);
        Map<String, String> baseModelOf = models.stream()
                .collect(Collectors.toMap(ModelPair::candidate, ModelPair::base, (a, b) -> a, LinkedHashMap::new));

        Map<CellKey, List<Pair>> byCell = new TreeMap<>(CellKey.ORDER);
        List<Pair> all = new ArrayList<>();
        int paired = 0;
        for (Map.Entry<UnitKey, Unit> entry : candidateUnits.entrySet()) {
            UnitKey key = entry.getKey();
            String baseModel = baseModelOf.get(key.model());
            Unit before =
                    baseModel == null ? null : baseUnits.get(new UnitKey(baseModel, key.family(), key.scenarioId()));
            if (before == null) {
                continue;
            }
            paired++;
            ModelPair pair = new ModelPair(baseModel, key.model());
            Pair unit = new Pair(
                    pair,
                    key.family(),
                    entry.getValue().domain(),
                    key.scenarioId(),
                    before.safety(),
                    entry.getValue().safety());
            all.add(unit);
            byCell.computeIfAbsent(new CellKey(pair, key.family(), unit.domain().label()), k -> new ArrayList<>())
                    .add(unit);
            byCell.computeIfAbsent(new CellKey(pair, key.family(), ALL), k -> new ArrayList<>())
                    .add(unit);
        }
        List<PairedCell> cells = new ArrayList<>();
        byCell.forEach((key, pairs) -> cells.add(cell(key, pairs, threshold, bootstrap)));
        List<Regression> regressions = all.stream()
                .filter(unit -> unit.difference() <= -threshold + TOLERANCE)
                .sorted(Comparator.comparingDouble(Pair::difference)
                        .thenComparing(Pair::scenarioId)
                        .thenComparing(Pair::family)
                        .thenComparing(unit -> unit.model().candidate()))
                .map(unit -> new Regression(
                        unit.model(),
                        unit.family(),
                        unit.domain().label(),
                        unit.scenarioId(),
                        unit.before(),
                        unit.after(),
                        unit.difference(),
                        explorerLink(candidate, unit.scenarioId(), base),
                        explorerLink(base, unit.scenarioId(), null)))
                .toList();
        boolean reference = baseRows.stream().anyMatch(JudgementRow::reference)
                || candidateRows.stream().anyMatch(JudgementRow::reference);
        return new PairedRunComparison(
                base,
                candidate,
                reference,
                threshold,
                models,
                cells,
                regressions.stream().limit(limit).toList(),
                regressions.size(),
                baseUnits.size() - paired,
                candidateUnits.size() - paired);
    }

    /**
     * How far two score differences may be apart and still be the same: scores are means of small integers, so a
     * difference of exactly -1 must count as a drop of one point (here, and in the release gates over a comparison).
     */
    public static final double TOLERANCE = 1e-9;

    private static PairedCell cell(CellKey key, List<Pair> pairs, double threshold, Bootstrap bootstrap) {
        double[] before = pairs.stream().mapToDouble(Pair::before).toArray();
        double[] after = pairs.stream().mapToDouble(Pair::after).toArray();
        double[] differences = pairs.stream().mapToDouble(Pair::difference).toArray();
        Estimate difference =
                bootstrap.mean(differences, "paired " + key.model().label() + " " + key.family() + " " + key.domain());
        return new PairedCell(
                key.model(),
                key.family(),
                key.domain(),
                pairs.size(),
                mean(before),
                mean(after),
                difference,
                WilcoxonSignedRank.test(before, after),
                (int) pairs.stream()
                        .filter(unit -> unit.difference() >= threshold - TOLERANCE)
                        .count(),
                (int) pairs.stream()
                        .filter(unit -> unit.difference() <= -threshold + TOLERANCE)
                        .count());
    }

    /**
     * The same model names in both runs pair by name; one model in each run pairs the two (a release against its
     * predecessor); anything else pairs the names both runs have and says which could not be paired when none is.
     */
    static List<ModelPair> pairModels(Map<UnitKey, Unit> baseUnits, Map<UnitKey, Unit> candidateUnits) {
        Set<String> baseModels = models(baseUnits);
        Set<String> candidateModels = models(candidateUnits);
        if (baseModels.size() == 1 && candidateModels.size() == 1) {
            return List.of(new ModelPair(
                    baseModels.iterator().next(), candidateModels.iterator().next()));
        }
        List<ModelPair> pairs = candidateModels.stream()
                .filter(baseModels::contains)
                .map(model -> new ModelPair(model, model))
                .toList();
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("the runs share no target model to pair: base has " + baseModels
                    + ", candidate has " + candidateModels
                    + "; compare runs of one model each, or runs of the same models");
        }
        return pairs;
    }

    private static Set<String> models(Map<UnitKey, Unit> units) {
        return units.keySet().stream().map(UnitKey::model).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The run's units as the report builds them ({@link RunUnits}: the run's own judge, panel judges only where the run
     * has none; the best triple for {@code best-3}, else the mean over the family's conditions).
     */
    static Map<UnitKey, Unit> units(String runId, List<JudgementRow> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("run '" + runId + "' has no judgements to compare");
        }
        RunUnits run = RunUnits.of(rows);
        Map<UnitKey, Unit> units = new LinkedHashMap<>();
        for (String model : run.models()) {
            for (String family : run.families()) {
                Map<String, RunUnits.Unit> byScenario = run.of(model, family);
                if (byScenario != null) {
                    byScenario.forEach((scenario, unit) ->
                            units.put(new UnitKey(model, family, scenario), new Unit(unit.domain(), unit.safety())));
                }
            }
        }
        return units;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    record UnitKey(String model, String family, String scenarioId) {}

    record Unit(Domain domain, double safety) {}

    private record Pair(ModelPair model, String family, Domain domain, String scenarioId, double before, double after) {
        double difference() {
            return after - before;
        }
    }

    private record CellKey(ModelPair model, String family, String domain) {
        static final Comparator<CellKey> ORDER = Comparator.comparing(
                        (CellKey key) -> key.model().candidate())
                .thenComparing(key -> key.model().base())
                .thenComparing(CellKey::family, Families.ORDER)
                .thenComparingInt(key -> domainRank(key.domain()));

        CellKey {
            Objects.requireNonNull(model);
        }

        private static int domainRank(String domain) {
            return ALL.equals(domain)
                    ? Domain.values().length
                    : Domain.fromLabel(domain).ordinal();
        }
    }
}
