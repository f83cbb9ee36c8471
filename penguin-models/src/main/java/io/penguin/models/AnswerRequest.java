package io.penguin.models;

import io.penguin.core.Attribute;
import java.util.Map;

/**
 * What a target model is shown.
 *
 * @param query the user's query
 * @param knownAttributes the profile values the condition allows, and nothing else
 */
public record AnswerRequest(String query, Map<Attribute, String> knownAttributes) {

    public AnswerRequest {
        knownAttributes = Map.copyOf(knownAttributes);
    }

    @Override
    public String toString() {
        return "AnswerRequest[known=" + knownAttributes.keySet() + "]";
    }
}
