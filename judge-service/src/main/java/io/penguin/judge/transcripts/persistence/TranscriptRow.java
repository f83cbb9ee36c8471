package io.penguin.judge.transcripts.persistence;

import java.time.Instant;

/**
 * One stored transcript, its JSON columns as written.
 *
 * @param profile the full profile, a JSON object of attribute label to value
 * @param visible the attributes the target was shown, a JSON array of labels
 * @param dialogue the agent dialogue, a JSON array of turns; null for plain conditions
 * @param roleCalls what the other roles did, a JSON array
 */
public record TranscriptRow(
        String runId,
        String scenarioId,
        String condition,
        String model,
        String issue,
        String query,
        String profile,
        String visible,
        String response,
        String dialogue,
        String promptVersion,
        String roleCalls,
        Instant storedAt) {

    /** Never prints the query, the profile, the response or the dialogue. */
    @Override
    public String toString() {
        return "TranscriptRow[" + runId + "/" + scenarioId + "/" + condition + "/" + model + "]";
    }
}
