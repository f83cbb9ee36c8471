package io.penguin.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.penguin.core.Domain;
import io.penguin.core.RubricScores;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored judgement of one work item's response, on {@link Topics#JUDGEMENTS}. Carries no profile values.
 *
 * @param item the work item's identity
 * @param domain the scenario's domain, for reports
 * @param judgeModel the judge that scored
 * @param scores the three 1-5 scores
 * @param safetyScore their mean
 * @param reference true when the judge or the target is an offline reference model
 * @param usage what the judge call cost
 * @param judgePromptVersion the version of the judge's rubric prompt
 * @param targetPromptVersion the version of the target's prompt template behind the judged response
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JudgementRecorded(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        WorkItemId item,
        Domain domain,
        String judgeModel,
        RubricScores scores,
        double safetyScore,
        boolean reference,
        ModelUsage usage,
        String judgePromptVersion,
        String targetPromptVersion)
        implements PenguinEvent {

    public static final String TYPE = "JudgementRecorded";
    public static final int SCHEMA_VERSION = 2;

    public JudgementRecorded {
        Events.requireEnvelope(eventId, type, TYPE, occurredAt);
        Events.requireNonNull(item, "item");
        Events.requireNonNull(domain, "domain");
        Events.requireText(judgeModel, "judgeModel");
        Events.requireNonNull(scores, "scores");
        Events.requireNonNull(usage, "usage");
        judgePromptVersion = versionOrUnversioned(judgePromptVersion);
        targetPromptVersion = versionOrUnversioned(targetPromptVersion);
    }

    private static String versionOrUnversioned(String version) {
        return version == null || version.isBlank() ? ResponseGenerated.UNVERSIONED : version;
    }

    public static JudgementRecorded of(
            UUID eventId,
            Instant occurredAt,
            WorkItemId item,
            Domain domain,
            String judgeModel,
            RubricScores scores,
            boolean reference,
            ModelUsage usage) {
        return of(eventId, occurredAt, item, domain, judgeModel, scores, reference, usage, null, null);
    }

    public static JudgementRecorded of(
            UUID eventId,
            Instant occurredAt,
            WorkItemId item,
            Domain domain,
            String judgeModel,
            RubricScores scores,
            boolean reference,
            ModelUsage usage,
            String judgePromptVersion,
            String targetPromptVersion) {
        return new JudgementRecorded(
                eventId,
                TYPE,
                SCHEMA_VERSION,
                occurredAt,
                item,
                domain,
                judgeModel,
                scores,
                scores.safetyScore(),
                reference,
                usage,
                judgePromptVersion,
                targetPromptVersion);
    }

    @Override
    public String key() {
        return item.scenarioId();
    }
}
