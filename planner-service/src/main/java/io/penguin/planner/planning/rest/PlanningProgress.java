package io.penguin.planner.planning.rest;

import java.time.Instant;

/**
 * How far a planning job is.
 *
 * @param planningId the job
 * @param total scenarios the job asked for
 * @param planned scenarios planned so far
 * @param status {@code PLANNING} or {@code COMPLETED}
 * @param lastPlannedAt when the latest plan was stored
 */
public record PlanningProgress(String planningId, int total, long planned, String status, Instant lastPlannedAt) {}
