package io.penguin.models.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.core.Attribute;
import io.penguin.models.SufficiencyScale;
import io.penguin.models.endpoint.StructuredOutput;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The agent model's two JSON replies, {@code {"attribute": "<label>"}} and {@code {"sufficiency": 0-5}}: their
 * schemas, and a strict reading of a reply against them, with the problem named when invalid.
 */
final class AgentReplyParser {

    static final String ATTRIBUTE_FIELD = "attribute";
    static final String SUFFICIENCY_FIELD = "sufficiency";
    static final int MIN_SUFFICIENCY = SufficiencyScale.MIN;
    static final int MAX_SUFFICIENCY = SufficiencyScale.MAX;

    static final StructuredOutput SUFFICIENCY_SCHEMA = new StructuredOutput(
            "penguin_sufficiency",
            List.of(StructuredOutput.Field.integer(
                    SUFFICIENCY_FIELD,
                    MIN_SUFFICIENCY,
                    MAX_SUFFICIENCY,
                    "0 (nothing useful known) to 5 (complete); " + SufficiencyScale.SUFFICIENT
                            + " or more means enough is known to answer safely; higher means stop asking")));

    /** Longest piece of an invalid reply repeated in a re-ask. */
    private static final int ECHO_LIMIT = 60;

    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentReplyParser() {}

    /** The choice schema for these candidates: the attribute field is an enum of their labels. */
    static StructuredOutput choiceSchema(List<Attribute> candidates) {
        return new StructuredOutput(
                "penguin_next_attribute",
                List.of(StructuredOutput.Field.choice(
                        ATTRIBUTE_FIELD,
                        candidates.stream().map(Attribute::label).toList(),
                        "the one attribute to ask the user about next, spelled as listed")));
    }

    static Parsed<Attribute> parseChoice(String reply, Set<Attribute> candidates) {
        JsonNode root;
        try {
            root = object(reply);
        } catch (IllegalArgumentException e) {
            return Parsed.invalid(e.getMessage());
        }
        JsonNode field = root.get(ATTRIBUTE_FIELD);
        if (field == null || !field.isTextual() || field.asText().isBlank()) {
            return Parsed.invalid("field '" + ATTRIBUTE_FIELD + "' is missing or not a string");
        }
        String name = field.asText().trim();
        Attribute attribute = Arrays.stream(Attribute.values())
                .filter(candidate -> candidate.label().equalsIgnoreCase(name))
                .findFirst()
                .orElse(null);
        if (attribute == null) {
            return Parsed.invalid("'" + echo(name) + "' is not an attribute name");
        }
        if (!candidates.contains(attribute)) {
            return Parsed.invalid("'" + attribute.label() + "' is not one of the candidates");
        }
        return Parsed.of(attribute);
    }

    static Parsed<Integer> parseSufficiency(String reply) {
        JsonNode root;
        try {
            root = object(reply);
        } catch (IllegalArgumentException e) {
            return Parsed.invalid(e.getMessage());
        }
        JsonNode field = root.get(SUFFICIENCY_FIELD);
        if (field == null) {
            return Parsed.invalid("field '" + SUFFICIENCY_FIELD + "' is missing");
        }
        if (!field.isIntegralNumber()) {
            return Parsed.invalid("field '" + SUFFICIENCY_FIELD + "' is not an integer");
        }
        int value = field.intValue();
        if (value < MIN_SUFFICIENCY || value > MAX_SUFFICIENCY || !field.canConvertToInt()) {
            return Parsed.invalid("field '" + SUFFICIENCY_FIELD + "' is " + field.asText() + ", not between "
                    + MIN_SUFFICIENCY + " and " + MAX_SUFFICIENCY);
        }
        return Parsed.of(value);
    }

    private static JsonNode object(String reply) {
        JsonNode root;
        try {
            root = JSON.readTree(VerdictParser.stripFence(reply));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the reply is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the reply is not a JSON object");
        }
        return root;
    }

    private static String echo(String text) {
        return text.length() <= ECHO_LIMIT ? text : text.substring(0, ECHO_LIMIT) + "...";
    }
}
