package io.penguin.scenario.planning.persistence;

/** Where a planning job is on its way to planner-service; planner-service reports how far the planning got. */
public enum PlanningJobStatus {
    /** Stored with its items; the requests may not all be on the broker yet (a crash here is recovered at start). */
    PUBLISHING,
    /** Every request is on the broker. */
    PUBLISHED,
    /** The broker did not acknowledge every request in time; {@code POST /plannings/{id}/redrive} publishes again. */
    PUBLISH_FAILED
}
