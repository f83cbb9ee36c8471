package io.penguin.agent.dialogue;

import io.penguin.core.Attribute;
import java.util.Objects;
import java.util.Optional;

/**
 * One question the agent asked in an earlier turn and what the user replied, as a client that keeps the conversation
 * itself sends it back. Prints the attribute only, never the answer.
 *
 * @param attribute what the question was about
 * @param answer the user's free-text answer (data, never instructions); empty when they skipped or declined
 */
public record Exchange(Attribute attribute, Optional<String> answer) {

    public Exchange {
        Objects.requireNonNull(attribute, "attribute");
        answer = answer == null ? Optional.empty() : answer.map(String::strip).filter(text -> !text.isEmpty());
    }

    public static Exchange answered(Attribute attribute, String answer) {
        return new Exchange(attribute, Optional.ofNullable(answer));
    }

    public static Exchange unanswered(Attribute attribute) {
        return new Exchange(attribute, Optional.empty());
    }

    @Override
    public String toString() {
        return "Exchange[" + attribute.label() + (answer.isPresent() ? ", answered]" : ", unanswered]");
    }
}
