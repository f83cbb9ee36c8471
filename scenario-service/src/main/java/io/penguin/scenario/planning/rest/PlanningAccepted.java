package io.penguin.scenario.planning.rest;

import io.penguin.contracts.PlanningSettings;
import io.penguin.scenario.planning.persistence.PlanningJobStatus;

/**
 * The answer to {@code POST /plannings}: the job's id (planner-service serves its progress at
 * {@code GET /plannings/{planningId}}), how many scenarios it plans, whether every request reached the broker
 * ({@code PUBLISHED}; {@code PUBLISH_FAILED} is re-driven with {@code POST /plannings/{id}/redrive}), and the
 * settings they carry.
 */
public record PlanningAccepted(String planningId, int scenarios, PlanningJobStatus status, PlanningSettings settings) {}
