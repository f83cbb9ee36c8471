package io.penguin.core;

/**
 * What a condition family is, answered once: a report row groups the conditions of one family
 * ({@link Condition#family()}); the agent families, {@code agent} and {@code planner}, are the work items the agent
 * gateway's simulated dialogues answer instead of generation-service, whose visible attributes are what the user told.
 * {@link Condition#agentic()}, {@link ConditionSpec#agentic()} and the reports' rows all ask this class.
 */
public final class ConditionFamily {

    /** The RAISE agent, retrieving planned paths as examples. */
    public static final String AGENT = "agent";

    /** The RAISE agent following the planner's path for the scenario. */
    public static final String PLANNER = "planner";

    private ConditionFamily() {}

    /** True for {@code agent} and {@code planner} (a condition id of these families is the family's name). */
    public static boolean agentic(String family) {
        return AGENT.equals(family) || PLANNER.equals(family);
    }
}
