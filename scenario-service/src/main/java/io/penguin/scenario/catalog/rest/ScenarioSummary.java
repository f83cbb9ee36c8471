package io.penguin.scenario.catalog.rest;

import io.penguin.scenario.catalog.persistence.ScenarioEntity;

/**
 * A scenario as listings show it: where it sits, its split and source; not what the person said or who they are.
 */
public record ScenarioSummary(String id, String domain, String subcategory, String issue, String split, String source) {

    static ScenarioSummary of(ScenarioEntity scenario) {
        return new ScenarioSummary(
                scenario.id,
                scenario.domain,
                scenario.subcategory,
                scenario.issue,
                scenario.split.id(),
                scenario.source.id());
    }
}
