package io.penguin.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.penguin.core.Scenario;
import java.time.Instant;
import java.util.UUID;

/**
 * A scenario to plan on {@link Topics#PLANNING_REQUESTS}, keyed by scenario id. Carries the whole scenario (the
 * planner shows the target model only the known attributes; the judge sees the full profile), so the planner makes no
 * lookup. The identity of a plan is (planningId, scenarioId): a redelivered request is not planned twice.
 *
 * @param planningId the planning job this scenario belongs to
 * @param total how many scenarios the job asked for, for its progress
 * @param split the scenario's split in the catalog ({@code train} or {@code test})
 * @param settings the search's parameters and models
 * @param scenario the scenario, with its full profile
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanningRequested(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String planningId,
        int total,
        String split,
        PlanningSettings settings,
        Scenario scenario)
        implements PenguinEvent {

    public static final String TYPE = "PlanningRequested";
    public static final int SCHEMA_VERSION = 1;

    public PlanningRequested {
        Events.requireEnvelope(eventId, type, TYPE, occurredAt);
        Events.requireText(planningId, "planningId");
        if (total < 1) {
            throw new IllegalArgumentException("total must be at least 1, was " + total);
        }
        Events.requireText(split, "split");
        Events.requireNonNull(settings, "settings");
        Events.requireNonNull(scenario, "scenario");
    }

    public static PlanningRequested of(
            String planningId, int total, String split, PlanningSettings settings, Scenario scenario) {
        return new PlanningRequested(
                UUID.randomUUID(), TYPE, SCHEMA_VERSION, Instant.now(), planningId, total, split, settings, scenario);
    }

    @Override
    public String key() {
        return scenario.id();
    }
}
