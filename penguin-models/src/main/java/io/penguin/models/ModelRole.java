package io.penguin.models;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The roles a model plays, each with the string the configuration and the accounting use. A role binding is checked
 * against the models of its own role: a judge name for {@link #JUDGE}, a user simulator for {@link #USER_SIMULATOR}.
 */
public enum ModelRole {
    /** Answers the user's query: the model under test. */
    TARGET("target"),
    /** Scores a response on the three rubric dimensions. */
    JUDGE("judge"),
    /** Plays the user in simulated RAISE dialogues. */
    USER_SIMULATOR("user-simulator"),
    /** The RAISE agent's sufficiency rating and attribute selector. */
    AGENT("agent"),
    /** The target whose answers the offline planner's rollouts reward (through the judge). */
    PLANNER_REWARD("planner"),
    /** Writes catalog scenarios (profiles and queries). */
    SCENARIO_WRITER("generator");

    private final String config;

    ModelRole(String config) {
        this.config = config;
    }

    /** The name in configuration, bindings and call records, e.g. {@code user-simulator}. */
    public String config() {
        return config;
    }

    /** Parses a configuration name (case-insensitive) or an enum name; the error lists the valid names. */
    public static ModelRole parse(String text) {
        if (text != null) {
            String wanted = text.trim().toLowerCase(Locale.ROOT);
            for (ModelRole role : values()) {
                if (role.config.equals(wanted)
                        || role.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown model role '" + text + "'; expected one of " + String.join(", ", configNames()));
    }

    static List<String> configNames() {
        return Arrays.stream(values()).map(ModelRole::config).toList();
    }
}
