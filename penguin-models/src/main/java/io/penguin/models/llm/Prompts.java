package io.penguin.models.llm;

import io.penguin.core.Attribute;
import java.util.Map;

/** Prompt text shared by the LLM-backed roles. */
final class Prompts {

    private Prompts() {}

    /** "- Age: 19" lines in the taxonomy's attribute order, only for the attributes given. */
    static String attributeLines(Map<Attribute, String> attributes) {
        StringBuilder lines = new StringBuilder();
        for (Attribute attribute : Attribute.values()) {
            String value = attributes.get(attribute);
            if (value != null) {
                lines.append("- ")
                        .append(attribute.label())
                        .append(": ")
                        .append(value)
                        .append('\n');
            }
        }
        return lines.toString();
    }
}
