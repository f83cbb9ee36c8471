package io.penguin.gateway.openai.service;

import io.penguin.agent.dialogue.Turn;

/**
 * What the agent does with one request, and what it cost.
 *
 * @param turn a question, or the final answer
 * @param model the target model the request named
 * @param promptTokens the prompt tokens of this request's model calls (the agent model's and, for an answer, the
 *     target's)
 * @param completionTokens their completion tokens
 */
public record AgentReply(Turn turn, String model, int promptTokens, int completionTokens) {

    /** The text the assistant message carries: the question as put to a person, or the answer. */
    public String content() {
        return turn instanceof Turn.Question question ? question.text() : ((Turn.Answer) turn).text();
    }

    @Override
    public String toString() {
        return "AgentReply[" + (turn instanceof Turn.Question ? "question" : "answer") + ", model=" + model + "]";
    }
}
