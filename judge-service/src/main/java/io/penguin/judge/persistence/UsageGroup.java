package io.penguin.judge.persistence;

/**
 * What the calls of one model in one role cost within a run (a report's accounting row). Cache hits count as calls
 * with no latency.
 *
 * @param role {@code target} or {@code judge}
 * @param model the model name
 * @param provider {@code reference} for the offline reference models, else the endpoint's provider
 * @param calls judged work items
 * @param promptTokens prompt tokens of those calls (re-asks of a judge included)
 * @param completionTokens completion tokens of those calls
 * @param latencyMillis summed wall time of those calls
 */
public record UsageGroup(
        String role,
        String model,
        String provider,
        long calls,
        long promptTokens,
        long completionTokens,
        long latencyMillis) {}
