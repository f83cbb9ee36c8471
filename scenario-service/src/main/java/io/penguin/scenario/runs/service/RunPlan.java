package io.penguin.scenario.runs.service;

import io.penguin.core.Condition;
import io.penguin.core.ConditionSpec;
import io.penguin.core.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A validated run request: what to fan out.
 *
 * @param models target models
 * @param conditions the conditions as requested
 * @param judgeModel the run's judge
 * @param panelJudges further judges for agreement
 * @param scenarios the selection
 * @param seed the run's seed
 * @param exhaustiveScenarios the scenario ids that get {@code best-3} (a seeded sample of the selection)
 */
public record RunPlan(
        List<String> models,
        List<ConditionSpec> conditions,
        String judgeModel,
        List<String> panelJudges,
        List<Scenario> scenarios,
        long seed,
        Set<String> exhaustiveScenarios) {

    /** One work item to store and publish. */
    public record Item(Scenario scenario, Condition condition, String model) {}

    /** Every work item, in a stable order: scenario, then condition, then model. */
    public List<Item> items() {
        List<Item> items = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            for (ConditionSpec spec : conditions) {
                if (spec.exhaustive() && !exhaustiveScenarios.contains(scenario.id())) {
                    continue;
                }
                for (Condition condition : spec.expand(scenario.id(), seed)) {
                    for (String model : models) {
                        items.add(new Item(scenario, condition, model));
                    }
                }
            }
        }
        return items;
    }
}
