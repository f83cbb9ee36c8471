package io.penguin.models;

import io.penguin.core.Attribute;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The agent's two decisions before it answers: which attribute to ask about next, and when to stop asking. */
public interface AgentPolicy {

    String name();

    boolean reference();

    /** How sufficient what the agent knows is for answering this query safely, 0 (nothing) to 5 (enough). */
    int sufficiency(String query, Map<Attribute, String> known);

    /**
     * The next attribute to ask about, or empty when the agent should answer now: what it knows is sufficient, the
     * budget of questions is spent, or nothing is left to ask.
     *
     * @param known what the user told so far
     * @param asked every attribute asked so far, answered or declined
     * @param budget the most questions the agent may ask
     */
    Optional<Attribute> nextQuestion(String query, Map<Attribute, String> known, Set<Attribute> asked, int budget);
}
