package io.penguin.scenario.runs.rest;

import java.time.Instant;
import java.util.List;

/**
 * A run and its progress.
 *
 * @param conditions the conditions as requested (e.g. {@code best-3}); work items carry the expanded ones
 * @param panelJudges further judges that score every response
 * @param seed the run's seed
 * @param total work items fanned out
 * @param judged work items with a judgement
 * @param failed work items dead-lettered after their retry budget (list them at {@code /runs/{id}/failures})
 * @param pending work items in flight
 * @param judgedPerSecond judging rate over the last rate window (0 when nothing was judged in it)
 * @param etaSeconds pending items at that rate; null when unknown (no recent progress) or nothing is pending
 */
public record RunView(
        String id,
        String status,
        List<String> models,
        List<String> conditions,
        String judgeModel,
        List<String> panelJudges,
        long seed,
        long total,
        long judged,
        long failed,
        long pending,
        double judgedPerSecond,
        Long etaSeconds,
        Instant createdAt,
        Instant completedAt) {}
