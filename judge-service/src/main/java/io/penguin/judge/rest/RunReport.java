package io.penguin.judge.rest;

import io.penguin.judge.persistence.ScoreGroup;
import io.penguin.judge.persistence.UsageGroup;
import java.util.List;

/**
 * Mean scores of a run, per model x condition x domain and per model x condition over all domains.
 *
 * @param runId the run
 * @param judgements how many judgements the report covers
 * @param referenceModels true when any score comes from the offline reference models: label results as such
 * @param overall one row per model and condition
 * @param byDomain one row per model, condition and domain
 * @param usage tokens and latency per model and role (target, judge)
 */
public record RunReport(
        String runId,
        long judgements,
        boolean referenceModels,
        List<ScoreGroup> overall,
        List<ScoreGroup> byDomain,
        List<UsageGroup> usage) {}
