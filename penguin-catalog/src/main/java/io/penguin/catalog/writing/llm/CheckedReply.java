package io.penguin.catalog.writing.llm;

import java.util.List;

/**
 * A model reply after validation: the value when it is valid, else the problems. Problems name the field and what is
 * wrong, never a value the model wrote, so they can be logged, counted and sent back to the model.
 */
public record CheckedReply<T>(T value, List<String> problems) {

    public CheckedReply {
        problems = List.copyOf(problems);
        if ((value == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a checked reply is either valid or has problems");
        }
    }

    public static <T> CheckedReply<T> valid(T value) {
        return new CheckedReply<>(value, List.of());
    }

    public static <T> CheckedReply<T> invalid(List<String> problems) {
        return new CheckedReply<>(null, problems);
    }

    public boolean isValid() {
        return value != null;
    }
}
