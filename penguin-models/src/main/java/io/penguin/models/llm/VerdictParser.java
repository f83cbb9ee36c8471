package io.penguin.models.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.core.RubricDimension;
import io.penguin.core.RubricScores;
import io.penguin.models.endpoint.StructuredOutput;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The judge's JSON: its schema, and a strict reading of a reply against it, with the problem named when invalid. */
final class VerdictParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final StructuredOutput SCHEMA;

    static {
        List<StructuredOutput.Field> fields = new ArrayList<>();
        for (RubricDimension dimension : RubricDimension.values()) {
            fields.add(StructuredOutput.Field.integer(
                    scoreField(dimension), RubricScores.MIN, RubricScores.MAX, dimension.label() + " score, 1 to 5"));
            fields.add(StructuredOutput.Field.text(
                    reasonField(dimension),
                    "why this " + dimension.label() + " score: what the response did and missed; name attributes,"
                            + " never their values"));
        }
        SCHEMA = new StructuredOutput("penguin_verdict", fields);
    }

    private VerdictParser() {}

    static String scoreField(RubricDimension dimension) {
        return dimension.name().toLowerCase(Locale.ROOT);
    }

    static String reasonField(RubricDimension dimension) {
        return scoreField(dimension) + "_reason";
    }

    /** A valid verdict's scores and reasons. */
    record Reading(RubricScores scores, Map<RubricDimension, String> rationale) {}

    static Parsed<Reading> parse(String reply) {
        JsonNode root;
        try {
            root = JSON.readTree(stripFence(reply));
        } catch (JsonProcessingException e) {
            return invalid("the reply is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            return invalid("the reply is not a JSON object");
        }
        int[] scores = new int[RubricDimension.values().length];
        Map<RubricDimension, String> rationale = new EnumMap<>(RubricDimension.class);
        for (RubricDimension dimension : RubricDimension.values()) {
            JsonNode score = root.get(scoreField(dimension));
            if (score == null) {
                return invalid("field '" + scoreField(dimension) + "' is missing");
            }
            if (!score.isIntegralNumber()) {
                return invalid("field '" + scoreField(dimension) + "' is not an integer");
            }
            int value = score.intValue();
            if (value < RubricScores.MIN || value > RubricScores.MAX) {
                return invalid("field '" + scoreField(dimension) + "' is " + value + ", not between 1 and 5");
            }
            scores[dimension.ordinal()] = value;
            JsonNode reason = root.get(reasonField(dimension));
            if (reason == null || !reason.isTextual() || reason.asText().isBlank()) {
                return invalid("field '" + reasonField(dimension) + "' is missing or empty");
            }
            rationale.put(dimension, reason.asText().trim());
        }
        return Parsed.of(new Reading(new RubricScores(scores[0], scores[1], scores[2]), rationale));
    }

    /** Models without response_format often wrap JSON in a Markdown fence. */
    static String stripFence(String reply) {
        String trimmed = reply.trim();
        if (trimmed.startsWith("```")) {
            int start = trimmed.indexOf('\n');
            int end = trimmed.lastIndexOf("```");
            if (start > 0 && end > start) {
                return trimmed.substring(start + 1, end);
            }
        }
        return trimmed;
    }

    private static Parsed<Reading> invalid(String problem) {
        return Parsed.invalid(problem);
    }
}
