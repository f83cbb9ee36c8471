package io.penguin.agent.dialogue;

import java.util.Locale;

/** How the agent chooses its questions: alone ({@code agent}) or shown retrieved planner paths ({@code planner}). */
public enum AgentMode {
    AGENT("agent"),
    PLANNER("planner");

    private final String id;

    AgentMode(String id) {
        this.id = id;
    }

    /** The id used in frames, conditions and reports: {@code agent} or {@code planner}. */
    public String id() {
        return id;
    }

    public static AgentMode parse(String text) {
        if (text != null) {
            String wanted = text.trim().toLowerCase(Locale.ROOT);
            for (AgentMode mode : values()) {
                if (mode.id.equals(wanted)) {
                    return mode;
                }
            }
        }
        throw new IllegalArgumentException("unknown agent mode '" + text + "'; expected agent or planner");
    }
}
