package io.penguin.agent.dialogue;

import io.penguin.agent.retrieval.RetrievalScope;
import io.penguin.models.SufficiencyScale;

/**
 * How the agent behaves in every dialogue.
 *
 * @param questionBudget the most questions one dialogue asks (hard limit)
 * @param sufficiencyThreshold the abstention threshold: the agent stops asking and answers once the sufficiency of
 *     what it knows ({@link SufficiencyScale}, 0-5) reaches this; 0 answers at once, 6 always spends the budget. Below
 *     {@link SufficiencyScale#SUFFICIENT} the agent answers while its rater still says a safety fact is missing.
 * @param examples how many retrieved planner paths the agent is shown in {@code planner} mode
 * @param scope which plans retrieval may see
 */
public record AgentSettings(int questionBudget, int sufficiencyThreshold, int examples, RetrievalScope scope) {

    /** The default threshold: the scale's lowest level that means "enough to answer safely". */
    public static final int DEFAULT_SUFFICIENCY_THRESHOLD = SufficiencyScale.SUFFICIENT;

    /** Never sufficient: the agent always spends its budget. */
    public static final int NEVER_SUFFICIENT = SufficiencyScale.MAX + 1;

    public AgentSettings {
        if (questionBudget < 0 || questionBudget > 10) {
            throw new IllegalArgumentException("question budget must be 0-10, was " + questionBudget);
        }
        if (sufficiencyThreshold < SufficiencyScale.MIN || sufficiencyThreshold > NEVER_SUFFICIENT) {
            throw new IllegalArgumentException(
                    "sufficiency threshold must be 0-5 (6 = never sufficient), was " + sufficiencyThreshold);
        }
        if (examples < 1 || examples > 10) {
            throw new IllegalArgumentException("retrieved examples must be 1-10, was " + examples);
        }
        if (scope == null) {
            throw new IllegalArgumentException("retrieval scope is missing");
        }
    }
}
