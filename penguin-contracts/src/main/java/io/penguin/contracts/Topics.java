package io.penguin.contracts;

import java.util.List;

/**
 * Topic names, owned here so that no service spells them itself. Partitions, retention and compaction are defined
 * once in {@code infra/kafka/topics.conf}.
 */
public final class Topics {

    /** Work items: one per (run, scenario, condition, model), key = scenario id. */
    public static final String GENERATION_REQUESTS = "penguin.generation.requests";
    /** Target-model responses, carrying the scenario forward for the judge. */
    public static final String RESPONSES = "penguin.responses";
    /** Scores per work item, read by scenario-service for run progress. */
    public static final String JUDGEMENTS = "penguin.judgements";
    /** Simulated agent sessions requested by runs (agent and planner conditions). */
    public static final String AGENT_REQUESTS = "penguin.agent.requests";
    /** Audit trail of live agent sessions: what happened, never what was said; key = session id. */
    public static final String AGENT_SESSIONS = "penguin.agent.sessions";
    /** Scenarios to plan with MCTS. */
    public static final String PLANNING_REQUESTS = "penguin.planning.requests";
    /** One planned policy per scenario, compacted, key = scenario id. */
    public static final String POLICIES = "penguin.policies";

    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {}

    /** The dead-letter topic of a topic: where its poison records and exhausted work items go. */
    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    /** False for the topics no service consumes as work (policies, the session audit trail): they need no DLQ. */
    public static boolean hasDeadLetterTopic(String topic) {
        return !POLICIES.equals(topic) && !AGENT_SESSIONS.equals(topic);
    }

    public static List<String> all() {
        return List.of(
                GENERATION_REQUESTS,
                RESPONSES,
                JUDGEMENTS,
                AGENT_REQUESTS,
                AGENT_SESSIONS,
                PLANNING_REQUESTS,
                POLICIES);
    }
}
