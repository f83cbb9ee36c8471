package io.penguin.scenario.runs.persistence;

/** Where a work item is. */
public enum WorkItemStatus {
    PENDING,
    JUDGED,
    FAILED
}
