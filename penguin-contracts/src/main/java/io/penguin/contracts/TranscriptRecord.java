package io.penguin.contracts;

import io.penguin.core.Attribute;
import java.util.List;
import java.util.Map;

/**
 * One work item to read whole, the record of a run's transcript export ({@code GET /runs/{id}/transcripts}, JSON
 * lines) and of judge-service's sample view: what the target saw and said, and every judge's scores with their
 * reasons. The text fields are null when the run's transcripts were not kept or were purged ({@code transcriptKept}
 * false); the scores are always there. Its JSON Schema is {@code schemas/TranscriptRecord.schema.json}. It holds
 * profiles and mental-health facts: serve it to the run's owner only, never log it.
 *
 * @param profile the full profile (attribute label to value), as the judge saw it
 * @param shown the attributes the target was shown (for the agent conditions: what the user told the agent)
 * @param dialogue the agent's questions and the user's answers or declines, in order; null for plain conditions
 * @param judgements the run's judge first, then the panel
 * @param targetUsage the target call's latency, tokens and cost
 */
public record TranscriptRecord(
        String scenarioId,
        String domain,
        String issue,
        String condition,
        String model,
        boolean transcriptKept,
        String query,
        Map<String, String> profile,
        List<Attribute> shown,
        String response,
        List<DialogueTurn> dialogue,
        String promptVersion,
        List<Scored> judgements,
        Usage targetUsage,
        List<RoleCalls> roleCalls,
        int fallbacks) {

    /** One judge's verdict: the three scores 1-5 with reasons, and the safety score (their mean). */
    public record Scored(
            String judgeModel,
            boolean panel,
            boolean reference,
            String promptVersion,
            double safetyScore,
            Map<String, Integer> scores,
            Map<String, String> reasons) {}

    /** @param cost null when the endpoint has no price configured */
    public record Usage(String provider, long latencyMillis, int promptTokens, int completionTokens, Double cost) {}

    /** Never prints the query, the profile, the response or the dialogue. */
    @Override
    public String toString() {
        return "TranscriptRecord[" + scenarioId + "/" + condition + "/" + model + "]";
    }
}
