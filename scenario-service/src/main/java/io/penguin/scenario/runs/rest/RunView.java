package io.penguin.scenario.runs.rest;

import java.time.Instant;
import java.util.List;

/**
 * A run and its progress.
 *
 * @param total work items fanned out
 * @param judged work items with a judgement
 * @param failed work items that failed
 * @param pending work items still in flight
 */
public record RunView(
        String id,
        String status,
        List<String> models,
        List<String> conditions,
        String judgeModel,
        long total,
        long judged,
        long failed,
        long pending,
        Instant createdAt,
        Instant completedAt) {}
