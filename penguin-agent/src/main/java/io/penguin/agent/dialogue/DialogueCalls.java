package io.penguin.agent.dialogue;

import io.penguin.contracts.ModelUsage;
import io.penguin.contracts.RoleCalls;
import io.penguin.models.UsageTally;

/**
 * What one role did in one dialogue: who played it, how many decisions or answers it gave, how many of those a
 * rule-based stand-in gave instead because the model failed, and the summed usage of its model calls.
 *
 * @param model the configured model of the role
 * @param reference true when that model is an offline rule-based reference model
 * @param calls decisions (the agent: sufficiency ratings and choices) or answers (the simulated user)
 * @param fallbacks of those, how many the stand-in gave
 * @param usage the summed usage of the role's model calls; the cost is {@code null} when any call's cost is unknown
 */
public record DialogueCalls(String model, boolean reference, int calls, int fallbacks, ModelUsage usage) {

    /** This role's entry in a response's provenance. */
    public RoleCalls as(String role) {
        return new RoleCalls(role, model, reference, calls, fallbacks, usage);
    }

    /** Counts the decisions or answers of one role in one dialogue. Not thread-safe, like the dialogue. */
    public static final class Counter {

        private final String model;
        private final boolean reference;
        private final UsageTally usage;
        private int calls;
        private int fallbacks;

        public Counter(String model, boolean reference) {
            this.model = model;
            this.reference = reference;
            this.usage = new UsageTally(model, reference ? "reference" : "unknown");
        }

        /** One decision or answer, with the usage of the calls behind it ({@code null}: none were made). */
        public Counter count(boolean fallback, ModelUsage callUsage) {
            calls++;
            if (fallback) {
                fallbacks++;
            }
            usage.add(callUsage);
            return this;
        }

        public DialogueCalls total() {
            return new DialogueCalls(model, reference, calls, fallbacks, usage.total());
        }
    }
}
