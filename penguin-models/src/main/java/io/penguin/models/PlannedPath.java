package io.penguin.models;

import io.penguin.core.Attribute;
import java.util.List;

/**
 * A retrieved example for the agent: the attributes the offline planner found best to ask, in order, for a query
 * similar to the user's. Holds no profile values.
 *
 * @param scenarioId the planned scenario
 * @param query the planned scenario's query
 * @param path the attributes to ask, in order
 * @param reward the planner's safety score (1-5) of an answer that knows the path's attributes
 * @param similarity the cosine similarity of the planned query to the user's query
 * @param targetModel the model the planner's reward was measured with, or {@code null} when the plan does not say
 * @param judgeModel the judge the planner's reward was measured with, or {@code null} when the plan does not say
 */
public record PlannedPath(
        String scenarioId,
        String query,
        List<Attribute> path,
        double reward,
        double similarity,
        String targetModel,
        String judgeModel) {

    public PlannedPath {
        path = List.copyOf(path);
    }

    /** A path whose plan names no models. */
    public PlannedPath(String scenarioId, String query, List<Attribute> path, double reward, double similarity) {
        this(scenarioId, query, path, reward, similarity, null, null);
    }

    /** Never prints the query. */
    @Override
    public String toString() {
        return "PlannedPath[scenarioId=" + scenarioId + ", path=" + path + ", similarity=" + similarity + "]";
    }
}
