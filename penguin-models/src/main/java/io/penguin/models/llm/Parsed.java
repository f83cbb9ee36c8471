package io.penguin.models.llm;

import java.util.List;

/**
 * A model's reply read against what was asked for: the value when the reply is valid, else the problems with it.
 * Problems name the field and what is wrong with it, never a value the model wrote, so they can be logged, counted and
 * sent back to the model in a re-ask ({@link Reasking}).
 */
public record Parsed<T>(T value, List<String> problems) {

    public Parsed {
        problems = List.copyOf(problems);
        if ((value == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a parsed reply is either a value or has problems");
        }
    }

    public static <T> Parsed<T> of(T value) {
        return new Parsed<>(value, List.of());
    }

    public static <T> Parsed<T> invalid(String problem) {
        return new Parsed<>(null, List.of(problem));
    }

    public static <T> Parsed<T> invalid(List<String> problems) {
        return new Parsed<>(null, problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** What is wrong, the problems joined by "; "; empty for a valid reply. */
    public String problem() {
        return String.join("; ", problems);
    }
}
