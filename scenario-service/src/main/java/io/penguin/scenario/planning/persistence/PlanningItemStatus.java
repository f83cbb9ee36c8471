package io.penguin.scenario.planning.persistence;

/** One scenario of a planning job, as scenario-service knows it. */
public enum PlanningItemStatus {
    /** Published (or about to be); planner-service plans it, or already has. */
    PENDING,
    /** Its request was dead-lettered by planner-service, with the reason; a re-drive publishes it again. */
    FAILED
}
