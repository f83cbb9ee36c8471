package io.penguin.judge.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One judgement as the API shows it: identity, scores and explanations; for the agent conditions, the attributes the
 * agent asked about in order ({@code questionsAsked}, names only; null for other conditions).
 */
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
        Instant judgedAt,
        List<String> questionsAsked) {}
