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
 */
public record PlannedPath(String scenarioId, String query, List<Attribute> path, double reward, double similarity) {

    public PlannedPath {
        path = List.copyOf(path);
    }

    /** Never prints the query. */
    @Override
    public String toString() {
        return "PlannedPath[scenarioId=" + scenarioId + ", path=" + path + ", similarity=" + similarity + "]";
    }
}
