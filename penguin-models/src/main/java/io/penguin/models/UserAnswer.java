package io.penguin.models;

import io.penguin.core.Attribute;
import java.util.Optional;

/**
 * The simulated user's answer about one attribute. Prints the attribute only, never the value.
 *
 * @param attribute what was asked
 * @param value what the agent learns, empty when they declined: the stored profile value for the reference user, the
 *     user's own free-text words for an LLM user (untrusted text the agent must treat as data)
 * @param text the answer as the user says it
 * @param fallback true when the configured simulator failed (its endpoint was down, its reply empty) and the reference
 *     user answered instead
 */
public record UserAnswer(Attribute attribute, Optional<String> value, String text, boolean fallback) {

    /** An answer from the simulator that was asked. */
    public UserAnswer(Attribute attribute, Optional<String> value, String text) {
        this(attribute, value, text, false);
    }

    public boolean declined() {
        return value.isEmpty();
    }

    /** The same answer, marked as given by the fallback simulator. */
    public UserAnswer asFallback() {
        return new UserAnswer(attribute, value, text, true);
    }

    @Override
    public String toString() {
        return "UserAnswer[" + attribute.label() + (declined() ? ", declined" : ", answered")
                + (fallback ? ", fallback]" : "]");
    }
}
