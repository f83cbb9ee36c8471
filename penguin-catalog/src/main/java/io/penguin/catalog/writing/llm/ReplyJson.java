package io.penguin.catalog.writing.llm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;

/** Strict reading of a model's JSON reply: one object, nothing before or after it, no duplicate keys. */
final class ReplyJson {

    /** Longer replies are refused before parsing: nothing legitimate comes near. */
    static final int MAX_REPLY_LENGTH = 4_000_000;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(MAX_REPLY_LENGTH)
                            .maxNestingDepth(8)
                            .build())
                    .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ReplyJson() {}

    /** The reply as a JSON object, or a problem (added to {@code problems}) and null. */
    static JsonNode object(String reply, List<String> problems) {
        if (reply == null || reply.isBlank()) {
            problems.add("the reply is empty; expected a JSON object");
            return null;
        }
        if (reply.length() > MAX_REPLY_LENGTH) {
            problems.add("the reply is " + reply.length() + " characters; at most " + MAX_REPLY_LENGTH);
            return null;
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(reply.strip());
        } catch (JsonEOFException e) {
            problems.add("the reply ends inside the JSON object (truncated JSON?)");
            return null;
        } catch (StreamConstraintsException e) {
            problems.add("the reply exceeds the reader's limits");
            return null;
        } catch (JsonProcessingException e) {
            problems.add(
                    e.getMessage() != null && e.getMessage().contains("Duplicate field")
                            ? "the reply has a key twice"
                            : "the reply is not valid JSON; expected only a JSON object");
            return null;
        }
        if (node == null || node.isMissingNode()) {
            problems.add("the reply is empty; expected a JSON object");
            return null;
        }
        if (!node.isObject()) {
            problems.add("expected a JSON object, found " + describe(node));
            return null;
        }
        return node;
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
