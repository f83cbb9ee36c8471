package io.penguin.scenario.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.penguin.bench.BenchmarkFigures;
import io.penguin.catalog.writing.OfflineScenarioWriter;
import io.penguin.catalog.writing.WrittenScenario;
import io.penguin.core.Scenario;
import io.penguin.core.Taxonomy;
import io.penguin.models.JudgeModel;
import io.penguin.models.ModelRegistry;
import io.penguin.models.TargetModel;
import io.penguin.planning.ExhaustiveResult;
import io.penguin.planning.ExhaustiveSearch;
import io.penguin.planning.MctsPlanner;
import io.penguin.planning.MemoizedReward;
import io.penguin.planning.ModelReward;
import io.penguin.planning.PlanOutcome;
import io.penguin.planning.PlanningReport;
import io.penguin.planning.SearchResult;
import io.penguin.planning.SearchSettings;
import io.penguin.scenario.catalog.persistence.Split;
import io.penguin.scenario.catalog.service.SplitAssigner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The planner's search on 500 train scenarios of the offline catalog with the reference target and judge, budget 3:
 * mean MCTS reward / exhaustive best (target >= 0.98), mean evaluations / exhaustive evaluations (target <= 0.30), and
 * plans per second. The scenarios are what the catalog generator stores (seed 1, 5 profiles per issue, 1 query each)
 * and the train split is decided the catalog's way (stratified by issue, test fraction 0.2). Not part of {@code mvn
 * verify} (the name matches no Surefire pattern); run it with
 *
 * <pre>mvn -B -o -pl scenario-service -am test -Dtest=PlanningBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * It prints its figures and asserts only that every scenario was planned.
 */
class PlanningBenchmark {

    private static final int SCENARIOS = Integer.getInteger("benchmark.scenarios", 500);
    private static final long SEED = Long.getLong("benchmark.seed", 7);
    private static final int PATIENCE = Integer.getInteger("benchmark.patience", SearchSettings.DEFAULT_PATIENCE);
    private static final double EXPLORATION =
            Double.parseDouble(System.getProperty("benchmark.exploration", "" + SearchSettings.DEFAULT_EXPLORATION));

    @Test
    void mctsAgainstTheExhaustiveBestOnTrainScenarios() {
        List<Scenario> train = trainScenarios(SCENARIOS);
        ModelRegistry models = ModelRegistry.withReferenceModels();
        TargetModel target = models.target(ModelRegistry.REFERENCE_TARGET);
        JudgeModel judge = models.judge(ModelRegistry.REFERENCE_JUDGE);
        SearchSettings settings =
                SearchSettings.defaults(SEED).withPatience(PATIENCE).withExploration(EXPLORATION);
        MctsPlanner planner = new MctsPlanner();

        // Warm-up, so the JIT does not count against the first plans.
        for (Scenario scenario : train.subList(0, Math.min(50, train.size()))) {
            planner.plan(MemoizedReward.sequential(new ModelReward(scenario, target, judge)), settings);
        }

        List<SearchResult> plans = new ArrayList<>(train.size());
        long started = System.nanoTime();
        for (Scenario scenario : train) {
            plans.add(planner.plan(MemoizedReward.sequential(new ModelReward(scenario, target, judge)), settings));
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        List<PlanOutcome> outcomes = new ArrayList<>(train.size());
        long exhaustiveStarted = System.nanoTime();
        int optimal = 0;
        for (int i = 0; i < train.size(); i++) {
            Scenario scenario = train.get(i);
            ExhaustiveResult exhaustive = ExhaustiveSearch.best(
                    MemoizedReward.sequential(new ModelReward(scenario, target, judge)), settings.budget());
            SearchResult plan = plans.get(i);
            if (plan.reward() >= exhaustive.reward() - 1e-9) {
                optimal++;
            }
            outcomes.add(new PlanOutcome(
                    scenario.domain().label(),
                    plan.path(),
                    plan.reward(),
                    exhaustive.reward(),
                    plan.evaluations(),
                    exhaustive.evaluations()));
        }
        double exhaustiveSeconds = (System.nanoTime() - exhaustiveStarted) / 1e9;
        PlanningReport report = PlanningReport.of(outcomes);

        System.out.printf(
                Locale.ROOT,
                "%d train scenarios, reference models (offline, rule-based), budget %d, rollouts <= %d, exploration %.1f,"
                        + " patience %d, seed %d%n",
                train.size(),
                settings.budget(),
                settings.rollouts(),
                settings.exploration(),
                settings.patience(),
                SEED);
        System.out.printf(
                Locale.ROOT,
                "%-13s %5s %-24s %-24s %-24s %7s %9s %9s%n",
                "domain",
                "plans",
                "1st",
                "2nd",
                "3rd",
                "avg len",
                "R/R*",
                "E/E*");
        for (PlanningReport.Row row : report.domains()) {
            print(row);
        }
        print(report.overall());
        System.out.printf(
                Locale.ROOT,
                "mean MCTS reward / exhaustive best = %.4f (target >= 0.98); exact optimum in %d of %d%n",
                report.overall().rewardOverExhaustive(),
                optimal,
                train.size());
        System.out.printf(
                Locale.ROOT,
                "mean evaluations / exhaustive evaluations = %.4f (target <= 0.30); mean evaluations %.1f of %d%n",
                report.overall().evaluationsOverExhaustive(),
                plans.stream().mapToInt(SearchResult::evaluations).average().orElse(0),
                outcomes.get(0).exhaustiveEvaluations());
        System.out.printf(
                Locale.ROOT,
                "MCTS: %d plans in %.2f s = %.1f plans/s (one thread); exhaustive: %.1f plans/s%n",
                train.size(),
                seconds,
                train.size() / seconds,
                train.size() / exhaustiveSeconds);
        String setting =
                train.size() + " train scenarios, reference models, budget " + settings.budget() + ", seed " + SEED;
        BenchmarkFigures.of("Planner (MCTS)")
                .figure(
                        "mean MCTS reward / exhaustive best",
                        report.overall().rewardOverExhaustive(),
                        "",
                        setting + "; target >= 0.98")
                .figure(
                        "mean evaluations / exhaustive evaluations",
                        report.overall().evaluationsOverExhaustive(),
                        "",
                        "target <= 0.30")
                .figure("scenarios planned to the exact optimum", optimal, "of " + train.size())
                .figure("MCTS plans per second", train.size() / seconds, "plans/s", "one thread")
                .figure("exhaustive plans per second", train.size() / exhaustiveSeconds, "plans/s", "one thread");
        assertThat(outcomes).hasSize(SCENARIOS);
    }

    private static void print(PlanningReport.Row row) {
        System.out.printf(
                Locale.ROOT,
                "%-13s %5d %-24s %-24s %-24s %7.2f %9.4f %9.4f%n",
                row.domain(),
                row.plans(),
                top(row.first()),
                top(row.second()),
                top(row.third()),
                row.averagePathLength(),
                row.rewardOverExhaustive(),
                row.evaluationsOverExhaustive());
    }

    private static String top(PlanningReport.Top top) {
        return top == null ? "-" : top.attribute().label() + " (" + top.count() + ")";
    }

    /** The first {@code count} train scenarios of the generated catalog, in generation order. */
    static List<Scenario> trainScenarios(int count) {
        SplitAssigner splits = new SplitAssigner(0.2, Map.of());
        List<Scenario> train = new ArrayList<>(count);
        Iterator<WrittenScenario> generated =
                new OfflineScenarioWriter().generate(1, Taxonomy.standard().issues(), 5, 1);
        while (generated.hasNext() && train.size() < count) {
            Scenario scenario = generated.next().scenario();
            String stratum = SplitAssigner.stratum(scenario.domain().label(), scenario.issue());
            if (splits.assign(stratum, scenario.id()) == Split.TRAIN) {
                train.add(scenario);
            }
        }
        if (train.size() < count) {
            throw new IllegalStateException("the generated catalog has only " + train.size() + " train scenarios");
        }
        return train;
    }

    @SuppressWarnings("unused")
    private static String ids(List<Scenario> scenarios) {
        return scenarios.stream().map(Scenario::id).collect(Collectors.joining(","));
    }
}
