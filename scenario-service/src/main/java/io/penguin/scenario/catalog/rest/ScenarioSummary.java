package io.penguin.scenario.catalog.rest;

import io.penguin.core.Scenario;

/** A scenario as listings show it: where it sits, not what the person said or who they are. */
public record ScenarioSummary(String id, String domain, String subcategory, String issue) {

    static ScenarioSummary of(Scenario scenario) {
        return new ScenarioSummary(scenario.id(), scenario.domain().label(), scenario.subcategory(), scenario.issue());
    }
}
