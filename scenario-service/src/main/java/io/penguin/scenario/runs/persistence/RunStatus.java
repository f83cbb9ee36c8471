package io.penguin.scenario.runs.persistence;

/** Where a run is. */
public enum RunStatus {
    /** Work items stored, being published. */
    PUBLISHING,
    /** All work items published; waiting for judgements. */
    RUNNING,
    /** Every work item judged or failed (failed ones can be re-driven, which makes the run RUNNING again). */
    COMPLETED,
    /** Publishing the work items failed; the items stay pending for a re-drive. */
    PUBLISH_FAILED
}
