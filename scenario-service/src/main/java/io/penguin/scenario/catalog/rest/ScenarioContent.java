package io.penguin.scenario.catalog.rest;

import io.penguin.scenario.catalog.persistence.ScenarioEntity;
import java.util.Map;

/** A scenario in full, query and profile included: for the catalog owner only. */
public record ScenarioContent(
        String id,
        String domain,
        String subcategory,
        String issue,
        String split,
        String source,
        String query,
        Map<String, String> profile) {

    static ScenarioContent of(ScenarioEntity scenario) {
        return new ScenarioContent(
                scenario.id,
                scenario.domain,
                scenario.subcategory,
                scenario.issue,
                scenario.split.id(),
                scenario.source.id(),
                scenario.query,
                scenario.toScenario().profile().toLabels());
    }
}
