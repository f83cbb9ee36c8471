package io.penguin.gateway.sessions.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.contracts.agent.ClientFrame;
import io.penguin.contracts.agent.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads client frames strictly (every field checked, unknown fields refused so typos surface). The messages say what is wrong and never echo what the user wrote.
 */
final class FrameReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxFrameBytes;
    private final int maxQueryChars;
    private final int maxAnswerChars;

    FrameReader(int maxFrameBytes, int maxQueryChars, int maxAnswerChars) {
        this.maxFrameBytes = maxFrameBytes;
        this.maxQueryChars = maxQueryChars;
        this.maxAnswerChars = maxAnswerChars;
    }

    ClientFrame parse(String raw) {
        int bytes = raw.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxFrameBytes) {
            throw new FrameException(
                    ErrorCode.FRAME_TOO_LARGE, "frame of " + bytes + " bytes; the limit is " + maxFrameBytes);
        }
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new FrameException(
                    ErrorCode.MALFORMED_FRAME,
                    "not JSON: " + e.getOriginalMessage()
                            // a generated frame found an error Jackson reports without a location
                            + (e.getLocation() == null
                                    ? ""
                                    : " at column " + e.getLocation().getColumnNr()));
        }
        if (node == null || !node.isObject()) {
            throw new FrameException(ErrorCode.MALFORMED_FRAME, "a frame is a JSON object with a \"type\"");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw new FrameException(
                    ErrorCode.UNKNOWN_TYPE, "\"type\" is missing; expected query, answer, skip, decline or end");
        }
        return switch (type.asText()) {
            case "query" -> {
                only(node, "query", Set.of("type", "text", "mode", "model"));
                yield new ClientFrame.Query(
                        text(node, "text", maxQueryChars), optional(node, "mode"), optional(node, "model"));
            }
            case "answer" -> {
                only(node, "answer", Set.of("type", "questionId", "text"));
                yield new ClientFrame.Answer(questionId(node), text(node, "text", maxAnswerChars));
            }
            case "skip" -> {
                only(node, "skip", Set.of("type", "questionId"));
                yield new ClientFrame.Skip(questionId(node));
            }
            case "decline" -> {
                only(node, "decline", Set.of("type", "questionId"));
                yield new ClientFrame.Decline(questionId(node));
            }
            case "end" -> {
                only(node, "end", Set.of("type"));
                yield new ClientFrame.End();
            }
            default ->
                throw new FrameException(
                        ErrorCode.UNKNOWN_TYPE,
                        "unknown type \"" + shorten(type.asText())
                                + "\"; expected query, answer, skip, decline or end");
        };
    }

    private static void only(JsonNode node, String type, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new FrameException(
                        ErrorCode.INVALID_FIELD,
                        "unknown field \"" + shorten(name) + "\" in a " + type + " frame; allowed: " + allowed);
            }
        }
    }

    private static String text(JsonNode node, String field, int maxChars) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new FrameException(ErrorCode.INVALID_FIELD, "\"" + field + "\" is missing");
        }
        if (!value.isTextual()) {
            throw new FrameException(ErrorCode.MALFORMED_FRAME, "\"" + field + "\" must be a string");
        }
        String text = value.asText();
        if (text.isBlank()) {
            throw new FrameException(ErrorCode.INVALID_FIELD, "\"" + field + "\" is empty");
        }
        if (text.length() > maxChars) {
            throw new FrameException(
                    ErrorCode.INVALID_FIELD,
                    "\"" + field + "\" has " + text.length() + " characters; the limit is " + maxChars);
        }
        return text;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new FrameException(ErrorCode.MALFORMED_FRAME, "\"" + field + "\" must be a non-empty string");
        }
        return value.asText().strip();
    }

    private static String questionId(JsonNode node) {
        JsonNode value = node.get("questionId");
        if (value == null || value.isNull()) {
            throw new FrameException(ErrorCode.INVALID_FIELD, "\"questionId\" is missing");
        }
        if (!value.isTextual() || !value.asText().matches("q[0-9]{1,2}")) {
            throw new FrameException(
                    ErrorCode.INVALID_FIELD, "\"questionId\" must be the id of a question, like \"q1\"");
        }
        return value.asText();
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
