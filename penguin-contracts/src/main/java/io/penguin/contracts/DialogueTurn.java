package io.penguin.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.penguin.core.Attribute;

/**
 * One question of an agent dialogue and what the user said, for the transcript of an agent work item. Holds the
 * user's free-text answer, which may state mental-health facts: it is kept only in transcripts (owner-only, never
 * logged) and never in a log line or a metric.
 *
 * @param questionId {@code q1}, {@code q2}, ... within the dialogue
 * @param attribute what the question was about
 * @param question the question as put to the user
 * @param answer the user's answer in their own words; {@code null} when they declined
 * @param declined true when the user would not say
 */
public record DialogueTurn(String questionId, Attribute attribute, String question, String answer, boolean declined) {

    @JsonCreator
    public DialogueTurn {
        Events.requireText(questionId, "dialogue.questionId");
        Events.requireNonNull(attribute, "dialogue.attribute");
        Events.requireText(question, "dialogue.question");
        if (declined == (answer != null)) {
            throw new IllegalArgumentException("dialogue." + questionId + ": a turn has an answer or is declined");
        }
    }

    /** Never prints the question or the answer. */
    @Override
    public String toString() {
        return "DialogueTurn[" + questionId + ", " + attribute + (declined ? ", declined]" : ", answered]");
    }
}
