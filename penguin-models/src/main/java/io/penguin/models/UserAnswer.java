package io.penguin.models;

import io.penguin.core.Attribute;
import java.util.Optional;

/**
 * The simulated user's answer about one attribute. Prints the attribute only, never the value.
 *
 * @param attribute what was asked
 * @param value what the user told, empty when they declined
 * @param text the answer as the user says it
 */
public record UserAnswer(Attribute attribute, Optional<String> value, String text) {

    public boolean declined() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "UserAnswer[" + attribute.label() + (declined() ? ", declined]" : ", answered]");
    }
}
