package io.penguin.agent.dialogue;

import io.penguin.contracts.ModelUsage;
import io.penguin.core.Attribute;
import java.util.List;

/** What the agent does next in a dialogue: ask a question, or answer. */
public sealed interface Turn {

    /**
     * A question about one attribute.
     *
     * @param questionId {@code q1}, {@code q2}, ... within the dialogue
     * @param attribute what the question is about
     * @param text the question as put to a person
     * @param number 1-based
     * @param budget the most questions this dialogue may ask
     */
    record Question(String questionId, Attribute attribute, String text, int number, int budget) implements Turn {}

    /**
     * The final answer.
     *
     * @param text the answer
     * @param model the model that answered (the fallback responder's name when {@code fallback})
     * @param asked the attributes asked, in order, answered or not
     * @param answered the attributes the user told, in the order asked
     * @param sufficiency the abstention module's last rating (0-5)
     * @param fallback true when the target model failed and the reference responder's safe answer was given instead
     * @param usage what the answering call cost
     * @param promptVersion the template version of the model that answered ({@code TargetModel.promptVersion()})
     * @param agentCalls what the agent model did in this dialogue: its sufficiency ratings and choices, how many of
     *     them a stand-in decided because the model failed, and their summed usage
     */
    record Answer(
            String text,
            String model,
            List<Attribute> asked,
            List<Attribute> answered,
            int sufficiency,
            boolean fallback,
            ModelUsage usage,
            String promptVersion,
            DialogueCalls agentCalls)
            implements Turn {

        public Answer {
            asked = List.copyOf(asked);
            answered = List.copyOf(answered);
        }

        /** Never prints the answer. */
        @Override
        public String toString() {
            return "Answer[model=" + model + ", asked=" + asked + ", answered=" + answered + ", sufficiency="
                    + sufficiency + ", fallback=" + fallback + ", agentCalls=" + agentCalls.calls()
                    + ", agentFallbacks="
                    + agentCalls.fallbacks() + "]";
        }
    }
}
