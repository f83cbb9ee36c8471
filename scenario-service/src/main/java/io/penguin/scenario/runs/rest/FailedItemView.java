package io.penguin.scenario.runs.rest;

import java.time.Instant;

/** A work item that was dead-lettered, and why. */
public record FailedItemView(
        String scenarioId,
        String condition,
        String model,
        String stage,
        String reason,
        int attempts,
        Instant failedAt) {}
