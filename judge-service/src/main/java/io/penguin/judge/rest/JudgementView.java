package io.penguin.judge.rest;

import java.time.Instant;
import java.util.Map;

/** One judgement as the API shows it: identity, scores and explanations. */
public record JudgementView(
        String runId,
        String scenarioId,
        String condition,
        String model,
        String judgeModel,
        String domain,
        Map<String, Integer> scores,
        double safetyScore,
        Map<String, String> rationale,
        boolean reference,
        Instant judgedAt) {}
