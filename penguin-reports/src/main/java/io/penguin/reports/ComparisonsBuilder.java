package io.penguin.reports;

import io.penguin.reports.RunReport.ContextGain;
import io.penguin.reports.RunReport.PairedComparison;
import io.penguin.reports.RunReport.ScoreRow;
import io.penguin.reports.RunReport.Sensitivity;
import io.penguin.reports.RunUnits.Unit;
import io.penguin.reports.stats.Bootstrap;
import io.penguin.reports.stats.Estimate;
import io.penguin.reports.stats.WilcoxonSignedRank;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The paired comparisons on shared scenarios: context-free against context-rich (the context gain), each single
 * attribute against context-free (the sensitivity ranking), and the other pairs of families.
 */
final class ComparisonsBuilder {

    private final Bootstrap bootstrap;

    ComparisonsBuilder(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    List<ContextGain> gains(RunUnits units, List<ScoreRow> scoreRows) {
        List<ContextGain> gains = new ArrayList<>();
        for (String model : units.models()) {
            Map<String, Unit> free = units.of(model, Families.CONTEXT_FREE);
            Map<String, Unit> rich = units.of(model, Families.CONTEXT_RICH);
            if (free != null && rich != null) {
                PairedComparison comparison = compare(model, Families.CONTEXT_FREE, free, Families.CONTEXT_RICH, rich);
                double freeMean = ScoresBuilder.allMean(scoreRows, model, Families.CONTEXT_FREE);
                double richMean = ScoresBuilder.allMean(scoreRows, model, Families.CONTEXT_RICH);
                gains.add(new ContextGain(
                        model,
                        freeMean,
                        richMean,
                        freeMean > 0 ? (richMean - freeMean) / freeMean * 100 : 0,
                        comparison));
            }
        }
        return gains;
    }

    List<Sensitivity> sensitivity(RunUnits units) {
        List<Sensitivity> sensitivity = new ArrayList<>();
        for (String model : units.models()) {
            sensitivity.addAll(sensitivity(model, units));
        }
        return sensitivity;
    }

    /**
     * Every family against context-free (singles are in the sensitivity ranking), the 3-attribute strategies against
     * each other and against full context, and the planner against the agent.
     */
    List<PairedComparison> comparisons(RunUnits units) {
        List<PairedComparison> comparisons = new ArrayList<>();
        for (String model : units.models()) {
            comparisons.addAll(comparisons(model, units));
        }
        return comparisons;
    }

    private PairedComparison compare(
            String model, String first, Map<String, Unit> firstUnits, String second, Map<String, Unit> secondUnits) {
        List<String> shared =
                firstUnits.keySet().stream().filter(secondUnits::containsKey).toList();
        if (shared.isEmpty()) {
            return null;
        }
        int n = shared.size();
        double[] a = new double[n];
        double[] b = new double[n];
        double[] differences = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = firstUnits.get(shared.get(i)).safety();
            b[i] = secondUnits.get(shared.get(i)).safety();
            differences[i] = b[i] - a[i];
        }
        Estimate difference = bootstrap.mean(differences, model + "|" + first + "|" + second);
        return new PairedComparison(
                model, first, second, n, RunUnits.mean(a), RunUnits.mean(b), difference, WilcoxonSignedRank.test(a, b));
    }

    private List<Sensitivity> sensitivity(String model, RunUnits units) {
        Map<String, Unit> free = units.of(model, Families.CONTEXT_FREE);
        if (free == null) {
            return List.of();
        }
        List<PairedComparison> gains = new ArrayList<>();
        for (String family : units.families()) {
            Map<String, Unit> single = units.of(model, family);
            if (Families.single(family) && single != null) {
                PairedComparison comparison = compare(model, Families.CONTEXT_FREE, free, family, single);
                if (comparison != null) {
                    gains.add(comparison);
                }
            }
        }
        gains.sort(Comparator.comparingDouble(
                        (PairedComparison c) -> -c.difference().mean())
                .thenComparing(PairedComparison::second));
        List<Sensitivity> ranked = new ArrayList<>();
        for (int i = 0; i < gains.size(); i++) {
            ranked.add(new Sensitivity(
                    model, i + 1, Families.attributeOf(gains.get(i).second()), gains.get(i)));
        }
        return ranked;
    }

    private List<PairedComparison> comparisons(String model, RunUnits units) {
        List<String[]> pairs = new ArrayList<>();
        for (String family : units.families()) {
            if (!family.equals(Families.CONTEXT_FREE) && !Families.single(family)) {
                pairs.add(new String[] {Families.CONTEXT_FREE, family});
            }
        }
        List<String> strategies = List.of(Families.STATIC_3, Families.RANDOM_3, Families.BEST_3);
        for (int i = 0; i < strategies.size(); i++) {
            for (int j = i + 1; j < strategies.size(); j++) {
                pairs.add(new String[] {strategies.get(i), strategies.get(j)});
            }
        }
        for (String strategy : strategies) {
            pairs.add(new String[] {strategy, Families.CONTEXT_RICH});
        }
        pairs.add(new String[] {Families.AGENT, Families.PLANNER});
        List<PairedComparison> comparisons = new ArrayList<>();
        for (String[] pair : pairs) {
            Map<String, Unit> first = units.of(model, pair[0]);
            Map<String, Unit> second = units.of(model, pair[1]);
            if (first != null && second != null) {
                PairedComparison comparison = compare(model, pair[0], first, pair[1], second);
                if (comparison != null) {
                    comparisons.add(comparison);
                }
            }
        }
        return comparisons;
    }
}
