package io.penguin.scenario.runs.service;

import io.penguin.core.Condition;
import io.penguin.core.Scenario;
import java.util.List;

/** A validated run request: what to fan out. */
public record RunPlan(List<String> models, List<Condition> conditions, String judgeModel, List<Scenario> scenarios) {

    public int workItems() {
        return models.size() * conditions.size() * scenarios.size();
    }
}
