package io.penguin.contracts;

/**
 * The identity of one unit of benchmark work. Consumers drop duplicates by it, so a redelivered work item changes
 * nothing in effect.
 *
 * @param runId the run the item belongs to
 * @param scenarioId the scenario answered
 * @param condition the condition id, e.g. {@code context-free}
 * @param model the target model's configured name
 */
public record WorkItemId(String runId, String scenarioId, String condition, String model) {

    public WorkItemId {
        Events.requireText(runId, "item.runId");
        Events.requireText(scenarioId, "item.scenarioId");
        Events.requireText(condition, "item.condition");
        Events.requireText(model, "item.model");
    }

    @Override
    public String toString() {
        return runId + "/" + scenarioId + "/" + condition + "/" + model;
    }
}
