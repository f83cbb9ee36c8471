package io.penguin.planning;

import io.penguin.core.Attribute;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the plans say, per domain and overall: the most frequent first, second and third attributes, the average path
 * length, the tree search's reward as a fraction of the exhaustive best and its evaluations as a fraction of the
 * exhaustive search's (both means of per-scenario ratios, over the plans where the exhaustive search ran).
 *
 * @param rewardModels the target and judge models behind the plans' rewards, one entry per combination
 * @param note what the reader must know about those models (rule-based ones named), or null when all are LLMs
 * @param usage what the rewards' model calls cost, per role and model, summed over the plans (empty when unknown)
 * @param domains one row per domain present, in label order
 * @param overall all plans together
 */
public record PlanningReport(
        List<RewardModels> rewardModels, String note, List<RoleUsage> usage, List<Row> domains, Row overall) {

    public PlanningReport {
        rewardModels = List.copyOf(rewardModels);
        usage = List.copyOf(usage);
    }

    /** The most frequent attribute at one position of the path and how many paths have it there. */
    public record Top(Attribute attribute, long count) {}

    /**
     * @param domain the domain label, {@code All} for the overall row
     * @param plans how many plans
     * @param first most frequent first attribute (null when no path has one)
     * @param second most frequent second attribute
     * @param third most frequent third attribute
     * @param averagePathLength mean number of attributes asked
     * @param meanReward mean reward of the planned paths
     * @param compared plans with an exhaustive result
     * @param rewardOverExhaustive mean of reward / exhaustive best (null when none was compared)
     * @param evaluationsOverExhaustive mean of evaluations / exhaustive evaluations (null when none was compared)
     */
    public record Row(
            String domain,
            int plans,
            Top first,
            Top second,
            Top third,
            double averagePathLength,
            double meanReward,
            int compared,
            Double rewardOverExhaustive,
            Double evaluationsOverExhaustive) {}

    /** A report whose models are unknown (benchmarks and tests that plan without a registry). */
    public static PlanningReport of(List<PlanOutcome> outcomes) {
        return of(outcomes, List.of());
    }

    public static PlanningReport of(List<PlanOutcome> outcomes, List<RewardModels> rewardModels) {
        return of(outcomes, rewardModels, List.of());
    }

    /**
     * @param planUsage each plan's usage entries (one per role); entries of the same role and model are summed
     */
    public static PlanningReport of(
            List<PlanOutcome> outcomes, List<RewardModels> rewardModels, List<RoleUsage> planUsage) {
        Map<String, List<PlanOutcome>> byDomain = new TreeMap<>();
        for (PlanOutcome outcome : outcomes) {
            byDomain.computeIfAbsent(outcome.domain(), key -> new ArrayList<>()).add(outcome);
        }
        List<Row> rows = new ArrayList<>();
        byDomain.forEach((domain, plans) -> rows.add(row(domain, plans)));
        return new PlanningReport(rewardModels, note(rewardModels), sum(planUsage), rows, row("All", outcomes));
    }

    private static List<RoleUsage> sum(List<RoleUsage> entries) {
        Map<String, RoleUsage> sums = new TreeMap<>();
        for (RoleUsage entry : entries) {
            sums.merge(entry.role() + "\u0000" + entry.model(), entry, RoleUsage::plus);
        }
        return List.copyOf(sums.values());
    }

    private static String note(List<RewardModels> models) {
        Set<String> ruleBased = new LinkedHashSet<>();
        for (RewardModels model : models) {
            if (Boolean.TRUE.equals(model.targetReference())) {
                ruleBased.add("target " + model.targetModel());
            }
            if (Boolean.TRUE.equals(model.judgeReference())) {
                ruleBased.add("judge " + model.judgeModel());
            }
        }
        if (ruleBased.isEmpty()) {
            return null;
        }
        return "REFERENCE-MODEL REWARD: the rewards come from rule-based reference models ("
                + String.join(", ", ruleBased)
                + "), so the paths follow those rules, not a model's judgement of safety";
    }

    private static Row row(String domain, List<PlanOutcome> plans) {
        double length = 0;
        double reward = 0;
        double rewardRatio = 0;
        double evaluationRatio = 0;
        int compared = 0;
        for (PlanOutcome plan : plans) {
            length += plan.path().size();
            reward += plan.reward();
            if (plan.exhaustiveReward() != null && plan.exhaustiveEvaluations() != null) {
                compared++;
                rewardRatio += plan.reward() / plan.exhaustiveReward();
                evaluationRatio += (double) plan.evaluations() / plan.exhaustiveEvaluations();
            }
        }
        int n = Math.max(1, plans.size());
        return new Row(
                domain,
                plans.size(),
                top(plans, 0),
                top(plans, 1),
                top(plans, 2),
                length / n,
                reward / n,
                compared,
                compared == 0 ? null : rewardRatio / compared,
                compared == 0 ? null : evaluationRatio / compared);
    }

    private static Top top(List<PlanOutcome> plans, int position) {
        Map<Attribute, Long> counts = new EnumMap<>(Attribute.class);
        for (PlanOutcome plan : plans) {
            if (plan.path().size() > position) {
                counts.merge(plan.path().get(position), 1L, Long::sum);
            }
        }
        Top top = null;
        for (Map.Entry<Attribute, Long> entry : counts.entrySet()) {
            if (top == null || entry.getValue() > top.count()) {
                top = new Top(entry.getKey(), entry.getValue());
            }
        }
        return top;
    }
}
