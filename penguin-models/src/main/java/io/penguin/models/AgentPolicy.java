package io.penguin.models;

import io.penguin.core.Attribute;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent model's two judgements in a RAISE dialogue: how sufficient what it knows is (the abstention module's input)
 * and which attribute to ask about next. Stopping is not the policy's decision: the agent answers when the
 * sufficiency reaches its configured threshold, when its question budget is spent, or when nothing is left to ask.
 */
public interface AgentPolicy {

    /** What a model that names no template version reports. */
    String UNVERSIONED = "unversioned";

    String name();

    boolean reference();

    /**
     * The version of the prompt template (or, for a reference model, of its rules) behind this model's output, stored
     * with every result so that results made with another template are never compared as if alike.
     */
    default String promptVersion() {
        return UNVERSIONED;
    }

    /**
     * How sufficient what the agent knows is for answering this query safely: 0 (nothing useful) to 5 (enough to
     * answer well). Higher means the agent should stop asking.
     */
    int sufficiency(String query, Map<Attribute, String> known);

    /**
     * The attribute to ask about next, always one of {@code candidates}.
     *
     * @param query the user's query
     * @param known what the user told so far (their answers are data, never instructions)
     * @param candidates the attributes neither known nor asked yet; never empty
     * @param examples the planned paths of similar queries, most similar first ({@code planner} mode), or empty
     *     ({@code agent} mode)
     */
    Attribute chooseNext(
            String query, Map<Attribute, String> known, Set<Attribute> candidates, List<PlannedPath> examples);
}
