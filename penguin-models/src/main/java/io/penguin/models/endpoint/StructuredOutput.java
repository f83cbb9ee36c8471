package io.penguin.models.endpoint;

import java.util.List;

/**
 * The JSON object a reply must be: named fields, each an integer in a range or a string. Sent as
 * {@code response_format} with a JSON schema where the endpoint supports it, and described in the prompt always.
 *
 * @param name the schema's name
 * @param fields the required fields, in order
 */
public record StructuredOutput(String name, List<Field> fields) {

    public StructuredOutput {
        fields = List.copyOf(fields);
    }

    /** A required field: an integer in [min, max] when {@code integer}, else a non-empty string. */
    public record Field(String name, boolean integer, int min, int max, String description) {

        public static Field integer(String name, int min, int max, String description) {
            return new Field(name, true, min, max, description);
        }

        public static Field text(String name, String description) {
            return new Field(name, false, 0, 0, description);
        }
    }
}
