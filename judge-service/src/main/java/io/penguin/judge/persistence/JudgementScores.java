package io.penguin.judge.persistence;

import io.penguin.contracts.RoleCalls;
import java.util.List;

/**
 * What a report reads of one stored judgement: identity, scores, usage and, for the agent conditions, the number of
 * questions asked (null otherwise), the prompt versions and what the other roles did; no rationale text. A JPQL projection, so a report of a large run does not load
 * explanations.
 */
public record JudgementScores(
        String scenarioId,
        String condition,
        String model,
        String judgeModel,
        boolean panel,
        String domain,
        short riskSensitivity,
        short emotionalEmpathy,
        short userSpecificAlignment,
        boolean reference,
        String targetProvider,
        long targetLatencyMs,
        int targetPromptTokens,
        int targetCompletionTokens,
        Double targetCost,
        String judgeProvider,
        long judgeLatencyMs,
        int judgePromptTokens,
        int judgeCompletionTokens,
        Double judgeCost,
        Integer questionsAsked,
        String targetPromptVersion,
        String judgePromptVersion,
        int fallbacks,
        List<RoleCalls> roleCalls) {}
