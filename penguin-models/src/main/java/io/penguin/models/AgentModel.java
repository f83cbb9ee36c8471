package io.penguin.models;

import io.penguin.contracts.ModelUsage;
import io.penguin.core.Attribute;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent model's two judgements in a RAISE dialogue: how sufficient what it knows is (the abstention module's input)
 * and which attribute to ask about next. Stopping is not the agent model's decision: the agent answers when the
 * sufficiency reaches its configured threshold, when its question budget is spent, or when nothing is left to ask.
 */
public interface AgentModel {

    /**
     * A sufficiency rating with what it took, so that a dialogue knows whether its own decisions came from the model
     * (the agent model's counters only say how often that happened over all dialogues).
     *
     * @param rating 0-5 on {@link SufficiencyScale}
     * @param fallback true when the configured model failed (endpoint down, every re-ask invalid) and the reference
     *     policy rated instead
     * @param usage the summed usage of the model calls behind it, re-asks included
     */
    record Rated(int rating, boolean fallback, ModelUsage usage) {}

    /**
     * The next attribute with what it took.
     *
     * @param attribute the choice, one of the candidates
     * @param fallback true when the configured model failed and the reference agent model chose instead
     * @param usage the summed usage of the model calls behind it, re-asks included
     */
    record Chosen(Attribute attribute, boolean fallback, ModelUsage usage) {}

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

    /**
     * {@link #sufficiency} with what it took. An agent model that calls no model reports no fallback and a usage with zero
     * latency and tokens: cost 0 for a reference agent model, unknown for any other that does not say.
     */
    default Rated rate(String query, Map<Attribute, String> known) {
        return new Rated(sufficiency(query, known), false, uncountedUsage());
    }

    /** {@link #chooseNext} with what it took; see {@link #rate} for a policy that calls no model. */
    default Chosen choose(
            String query, Map<Attribute, String> known, Set<Attribute> candidates, List<PlannedPath> examples) {
        return new Chosen(chooseNext(query, known, candidates, examples), false, uncountedUsage());
    }

    /** The usage of a decision taken without a model call this agent model knows of. */
    default ModelUsage uncountedUsage() {
        return reference()
                ? new ModelUsage(name(), "reference", 0, 0, 0, 0.0)
                : new ModelUsage(name(), "unknown", 0, 0, 0, null);
    }
}
