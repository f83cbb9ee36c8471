package io.penguin.models.endpoint;

import java.util.List;

/**
 * The JSON object a reply must be: named fields, each an integer in a range, a string, or one of listed strings. Sent as
 * {@code response_format} with a JSON schema where the endpoint supports it, and described in the prompt always.
 *
 * @param name the schema's name
 * @param fields the required fields, in order
 */
public record StructuredOutput(String name, List<Field> fields) {

    public StructuredOutput {
        fields = List.copyOf(fields);
    }

    /**
     * A required field: an integer in [min, max] when {@code integer}, else a non-empty string, restricted to
     * {@code choices} when there are any (sent as a JSON-schema enum).
     */
    public record Field(String name, boolean integer, int min, int max, String description, List<String> choices) {

        public Field {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }

        public static Field integer(String name, int min, int max, String description) {
            return new Field(name, true, min, max, description, List.of());
        }

        public static Field text(String name, String description) {
            return new Field(name, false, 0, 0, description, List.of());
        }

        /** A string that must be one of {@code choices}. */
        public static Field choice(String name, List<String> choices, String description) {
            if (choices.isEmpty()) {
                throw new IllegalArgumentException("structured output field '" + name + "': no choices");
            }
            return new Field(name, false, 0, 0, description, choices);
        }
    }
}
