package io.penguin.scenario.planning.rest;

import io.penguin.contracts.PlanningSettings;

/**
 * The answer to {@code POST /plannings}: the job's id (planner-service serves its progress at
 * {@code GET /plannings/{planningId}}), how many scenarios were sent, and the settings they carry.
 */
public record PlanningAccepted(String planningId, int scenarios, PlanningSettings settings) {}
