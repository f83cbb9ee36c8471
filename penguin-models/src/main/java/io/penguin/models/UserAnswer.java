package io.penguin.models;

import io.penguin.contracts.ModelUsage;
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
 * @param usage what the model call behind the answer cost, a failed one included; {@code null} when no model was called
 *     (the reference user, a decline decided in our code)
 */
public record UserAnswer(Attribute attribute, Optional<String> value, String text, boolean fallback, ModelUsage usage) {

    /** An answer from the simulator that was asked, made without a model call. */
    public UserAnswer(Attribute attribute, Optional<String> value, String text) {
        this(attribute, value, text, false, null);
    }

    /** An answer made without a model call, from the fallback simulator or not. */
    public UserAnswer(Attribute attribute, Optional<String> value, String text, boolean fallback) {
        this(attribute, value, text, fallback, null);
    }

    public boolean declined() {
        return value.isEmpty();
    }

    /** The same answer, marked as given by the fallback simulator. */
    public UserAnswer asFallback() {
        return new UserAnswer(attribute, value, text, true, usage);
    }

    /** The same answer, with the usage of the model call behind it (the failed call's, for a fallback). */
    public UserAnswer withUsage(ModelUsage usage) {
        return new UserAnswer(attribute, value, text, fallback, usage);
    }

    @Override
    public String toString() {
        return "UserAnswer[" + attribute.label() + (declined() ? ", declined" : ", answered")
                + (fallback ? ", fallback]" : "]");
    }
}
