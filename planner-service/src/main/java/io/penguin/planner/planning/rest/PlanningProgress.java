package io.penguin.planner.planning.rest;

import java.time.Instant;

/**
 * How far a planning job is.
 *
 * @param planningId the job
 * @param total scenarios the job asked for
 * @param planned scenarios planned so far
 * @param failed scenarios whose request was dead-lettered ({@code GET /plannings/{id}/failures} says why)
 * @param pending scenarios neither planned nor failed yet
 * @param status {@code PLANNING} while any is pending, then {@code COMPLETED}, or {@code COMPLETED_WITH_FAILURES}
 *     when some failed
 * @param lastPlannedAt when the latest plan was stored (null before the first)
 */
public record PlanningProgress(
        String planningId, int total, long planned, long failed, long pending, String status, Instant lastPlannedAt) {

    public static PlanningProgress of(String planningId, int total, long planned, long failed, Instant lastPlannedAt) {
        long pending = Math.max(0, total - planned - failed);
        String status = pending > 0 ? "PLANNING" : failed > 0 ? "COMPLETED_WITH_FAILURES" : "COMPLETED";
        return new PlanningProgress(planningId, total, planned, failed, pending, status, lastPlannedAt);
    }
}
