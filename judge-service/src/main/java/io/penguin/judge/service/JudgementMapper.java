package io.penguin.judge.service;

import io.penguin.contracts.JudgementRecorded;
import io.penguin.contracts.ModelUsage;
import io.penguin.contracts.ResponseGenerated;
import io.penguin.contracts.WorkItemId;
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

    static JudgementEntity toEntity(ResponseGenerated response, Verdict verdict, boolean reference) {
        JudgementEntity entity = new JudgementEntity();
        entity.eventId = UUID.randomUUID();
        entity.runId = response.item().runId();
        entity.scenarioId = response.item().scenarioId();
        entity.condition = response.item().condition();
        entity.model = response.item().model();
        entity.judgeModel = response.judgeModel();
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
        entity.judgeProvider = verdict.usage().provider();
        entity.judgeLatencyMs = verdict.usage().latencyMillis();
        entity.judgePromptTokens = verdict.usage().promptTokens();
        entity.judgeCompletionTokens = verdict.usage().completionTokens();
        entity.judgedAt = Instant.now();
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
                        entity.judgeCompletionTokens));
    }

    static RubricScores scores(JudgementEntity entity) {
        return new RubricScores(entity.riskSensitivity, entity.emotionalEmpathy, entity.userSpecificAlignment);
    }
}
