package io.penguin.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.penguin.core.Attribute;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One scenario's planned policy on the compacted {@link Topics#POLICIES}, keyed by scenario id, so the latest plan of
 * a scenario replaces the earlier ones. Carries what the agent's retrieval needs: the query text to embed and the path
 * to show as an example. No profile values.
 *
 * @param scenarioId the planned scenario
 * @param planningId the planning job that produced this plan
 * @param domain the scenario's domain label
 * @param split the scenario's split ({@code train} for retrieval)
 * @param query the user's query, for similarity search
 * @param path the attributes to ask, in order (may be shorter than the budget)
 * @param reward the judge's safety score (1-5) of an answer that knows the path's attributes
 * @param budget the budget the path was planned for
 * @param targetModel the model the reward was measured with
 * @param judgeModel the judge the reward was measured with
 * @param evaluations attribute sets the search evaluated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PolicyPublished(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String scenarioId,
        String planningId,
        String domain,
        String split,
        String query,
        List<Attribute> path,
        double reward,
        int budget,
        String targetModel,
        String judgeModel,
        int evaluations)
        implements PenguinEvent {

    public static final String TYPE = "PolicyPublished";
    public static final int SCHEMA_VERSION = 1;

    public PolicyPublished {
        Events.requireEnvelope(eventId, type, TYPE, occurredAt);
        Events.requireText(scenarioId, "scenarioId");
        Events.requireText(planningId, "planningId");
        Events.requireText(domain, "domain");
        Events.requireText(split, "split");
        Events.requireText(query, "query");
        path = List.copyOf(Events.requireNonNull(path, "path"));
    }

    @Override
    public String key() {
        return scenarioId;
    }

    /** Never prints the query. */
    @Override
    public String toString() {
        return "PolicyPublished[scenarioId=" + scenarioId + ", planningId=" + planningId + ", path=" + path
                + ", reward=" + reward + "]";
    }
}
