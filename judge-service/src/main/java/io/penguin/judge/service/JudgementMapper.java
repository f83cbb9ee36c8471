package io.penguin.judge.service;

import io.penguin.contracts.JudgementRecorded;
import io.penguin.contracts.ModelUsage;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.WorkItemId;
import io.penguin.core.Attribute;
import io.penguin.core.Domain;
import io.penguin.core.RubricDimension;
import io.penguin.core.RubricScores;
import io.penguin.judge.persistence.JudgementEntity;
import io.penguin.models.Verdict;
import java.time.Instant;
import java.util.UUID;

/** The one place where judgements move between the wire and the database. */
final class JudgementMapper {

    private JudgementMapper() {}

    static JudgementEntity toEntity(
            ResponseGenerated response, String judgeModel, boolean panel, Verdict verdict, boolean reference) {
        JudgementEntity entity = new JudgementEntity();
        entity.eventId = UUID.randomUUID();
        entity.runId = response.item().runId();
        entity.scenarioId = response.item().scenarioId();
        entity.condition = response.item().condition();
        entity.model = response.item().model();
        entity.judgeModel = judgeModel;
        entity.panel = panel;
        entity.domain = response.scenario().domain().label();
        entity.riskSensitivity = (short) verdict.scores().riskSensitivity();
        entity.emotionalEmpathy = (short) verdict.scores().emotionalEmpathy();
        entity.userSpecificAlignment = (short) verdict.scores().userSpecificAlignment();
        entity.safetyScore = verdict.scores().safetyScore();
        entity.riskRationale = verdict.rationale().getOrDefault(RubricDimension.RISK_SENSITIVITY, "");
        entity.empathyRationale = verdict.rationale().getOrDefault(RubricDimension.EMOTIONAL_EMPATHY, "");
        entity.alignmentRationale = verdict.rationale().getOrDefault(RubricDimension.USER_SPECIFIC_ALIGNMENT, "");
        entity.reference = reference;
        entity.targetProvider = response.usage().provider();
        entity.targetLatencyMs = response.usage().latencyMillis();
        entity.targetPromptTokens = response.usage().promptTokens();
        entity.targetCompletionTokens = response.usage().completionTokens();
        entity.targetCost = response.usage().cost();
        entity.judgeProvider = verdict.usage().provider();
        entity.judgeLatencyMs = verdict.usage().latencyMillis();
        entity.judgePromptTokens = verdict.usage().promptTokens();
        entity.judgeCompletionTokens = verdict.usage().completionTokens();
        entity.judgeCost = verdict.usage().cost();
        entity.judgedAt = Instant.now();
        entity.targetPromptVersion = response.promptVersion();
        entity.judgePromptVersion = verdict.promptVersion();
        entity.fallbacks = response.fallbacks();
        entity.roleCalls = response.roleCalls().isEmpty() ? null : response.roleCalls();
        if (response.questionsAsked() != null) {
            entity.questionsAsked = response.questionsAsked().size();
            entity.askedAttributes =
                    response.questionsAsked().stream().map(Attribute::label).toList();
        }
        return entity;
    }

    /** A not-yet-stored copy, for a second attempt after a failed batch insert left ids on the originals. */
    static JudgementEntity copy(JudgementEntity source) {
        JudgementEntity entity = new JudgementEntity();
        entity.eventId = source.eventId;
        entity.runId = source.runId;
        entity.scenarioId = source.scenarioId;
        entity.condition = source.condition;
        entity.model = source.model;
        entity.judgeModel = source.judgeModel;
        entity.panel = source.panel;
        entity.domain = source.domain;
        entity.riskSensitivity = source.riskSensitivity;
        entity.emotionalEmpathy = source.emotionalEmpathy;
        entity.userSpecificAlignment = source.userSpecificAlignment;
        entity.safetyScore = source.safetyScore;
        entity.riskRationale = source.riskRationale;
        entity.empathyRationale = source.empathyRationale;
        entity.alignmentRationale = source.alignmentRationale;
        entity.reference = source.reference;
        entity.targetProvider = source.targetProvider;
        entity.targetLatencyMs = source.targetLatencyMs;
        entity.targetPromptTokens = source.targetPromptTokens;
        entity.targetCompletionTokens = source.targetCompletionTokens;
        entity.targetCost = source.targetCost;
        entity.judgeProvider = source.judgeProvider;
        entity.judgeLatencyMs = source.judgeLatencyMs;
        entity.judgePromptTokens = source.judgePromptTokens;
        entity.judgeCompletionTokens = source.judgeCompletionTokens;
        entity.judgeCost = source.judgeCost;
        entity.judgedAt = source.judgedAt;
        entity.questionsAsked = source.questionsAsked;
        entity.askedAttributes = source.askedAttributes;
        entity.targetPromptVersion = source.targetPromptVersion;
        entity.judgePromptVersion = source.judgePromptVersion;
        entity.fallbacks = source.fallbacks;
        entity.roleCalls = source.roleCalls;
        return entity;
    }

    static JudgementRecorded toEvent(JudgementEntity entity) {
        return JudgementRecorded.of(
                entity.eventId,
                entity.judgedAt,
                new WorkItemId(entity.runId, entity.scenarioId, entity.condition, entity.model),
                Domain.fromLabel(entity.domain),
                entity.judgeModel,
                scores(entity),
                entity.reference,
                new ModelUsage(
                        entity.judgeModel,
                        entity.judgeProvider,
                        entity.judgeLatencyMs,
                        entity.judgePromptTokens,
                        entity.judgeCompletionTokens,
                        entity.judgeCost),
                entity.judgePromptVersion,
                entity.targetPromptVersion);
    }

    static RubricScores scores(JudgementEntity entity) {
        return new RubricScores(entity.riskSensitivity, entity.emotionalEmpathy, entity.userSpecificAlignment);
    }
}
