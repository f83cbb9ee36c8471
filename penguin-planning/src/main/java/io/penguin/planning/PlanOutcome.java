package io.penguin.planning;

import io.penguin.core.Attribute;
import java.util.List;

/**
 * One scenario's plan, as the report needs it.
 *
 * @param domain the scenario's domain label
 * @param path the attributes to ask, in order
 * @param reward the path's reward
 * @param exhaustiveReward the exhaustive best, or null where it was not computed
 * @param evaluations sets the tree search evaluated
 * @param exhaustiveEvaluations sets the exhaustive search evaluated, or null where it was not computed
 */
public record PlanOutcome(
        String domain,
        List<Attribute> path,
        double reward,
        Double exhaustiveReward,
        int evaluations,
        Integer exhaustiveEvaluations) {

    public PlanOutcome {
        path = List.copyOf(path);
    }
}
