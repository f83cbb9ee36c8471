package io.penguin.gateway.openai.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.core.Attribute;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a chat completion body as OpenAI's endpoint does: the fields the agent uses are checked strictly (each refusal
 * names the field), the sampling fields an SDK sends (temperature, max_tokens, user...) are accepted and left unused.
 * Messages never reach a log or an error message.
 */
public final class ChatRequestParser {

    static final String INVALID_TYPE = "invalid_type";
    static final String MISSING = "missing_required_parameter";
    static final String INVALID_VALUE = "invalid_value";
    static final String TOO_LONG = "string_above_max_length";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxBodyBytes;
    private final int maxMessages;
    private final Predicate<String> knownModel;

    public ChatRequestParser(int maxBodyBytes, int maxMessages, Predicate<String> knownModel) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxMessages = maxMessages;
        this.knownModel = knownModel;
    }

    public ChatRequest parse(String body) {
        int bytes = body == null ? 0 : body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBodyBytes) {
            throw new InvalidChatRequestException(
                    "messages",
                    "request_too_large",
                    "the request body has " + bytes + " bytes; the limit is " + maxBodyBytes
                            + " (penguin.gateway.openai.max-body-bytes)");
        }
        JsonNode root = read(body);
        String model = model(root.get("model"));
        List<ChatMessage> messages = messages(root.get("messages"));
        boolean stream = flag(root, "stream", "stream");
        boolean includeUsage = false;
        JsonNode options = root.get("stream_options");
        if (options != null && !options.isNull()) {
            if (!options.isObject()) {
                throw new InvalidChatRequestException(
                        "stream_options", INVALID_TYPE, "stream_options must be an object");
            }
            if (!stream) {
                throw new InvalidChatRequestException(
                        "stream_options", INVALID_VALUE, "stream_options are only allowed when stream is true");
            }
            includeUsage = flag(options, "include_usage", "stream_options.include_usage");
        }
        JsonNode n = root.get("n");
        if (n != null && !n.isNull() && !(n.canConvertToInt() && n.isIntegralNumber() && n.asInt() == 1)) {
            throw new InvalidChatRequestException(
                    "n", INVALID_VALUE, "n must be 1: the agent gives one reply per turn");
        }
        return new ChatRequest(model, messages, stream, includeUsage);
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidChatRequestException(
                    null, "invalid_json", "the request body is empty; send a JSON object with model and messages");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidChatRequestException(
                    null,
                    "invalid_json",
                    "the request body is not valid JSON"
                            + (e.getLocation() == null
                                    ? ""
                                    : " (column " + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidChatRequestException(
                    null, "invalid_json", "the request body must be a JSON object with model and messages");
        }
        return root;
    }

    private String model(JsonNode value) {
        if (value == null || value.isNull()) {
            throw new InvalidChatRequestException("model", MISSING, "you must provide a model parameter");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidChatRequestException("model", INVALID_TYPE, "model must be a non-empty string");
        }
        String model = value.asText().strip();
        if (!knownModel.test(model)) {
            throw new InvalidChatRequestException(
                    "model",
                    "model_not_found",
                    "no target model named '" + shorten(model) + "' is configured; GET /v1/models lists them");
        }
        return model;
    }

    private List<ChatMessage> messages(JsonNode value) {
        if (value == null || value.isNull()) {
            throw new InvalidChatRequestException("messages", MISSING, "you must provide a messages parameter");
        }
        if (!value.isArray()) {
            throw new InvalidChatRequestException("messages", INVALID_TYPE, "messages must be an array");
        }
        if (value.isEmpty()) {
            throw new InvalidChatRequestException(
                    "messages", "empty_array", "messages is empty; it must hold at least the user's message");
        }
        if (value.size() > maxMessages) {
            throw new InvalidChatRequestException(
                    "messages",
                    "array_above_max_length",
                    "messages holds " + value.size() + " messages; the limit is " + maxMessages
                            + " (penguin.gateway.openai.max-messages)");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            messages.add(message(value.get(i), "messages[" + i + "]"));
        }
        return messages;
    }

    private static ChatMessage message(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new InvalidChatRequestException(at, INVALID_TYPE, at + " must be an object with role and content");
        }
        JsonNode roleNode = node.get("role");
        if (roleNode == null || roleNode.isNull()) {
            throw new InvalidChatRequestException(at + ".role", MISSING, at + ".role is missing");
        }
        ChatRole role = roleNode.isTextual() ? ChatRole.parse(roleNode.asText()).orElse(null) : null;
        if (role == null) {
            throw new InvalidChatRequestException(
                    at + ".role",
                    INVALID_VALUE,
                    at + ".role must be one of system, developer, user, assistant (this agent calls no tools)");
        }
        String content = content(node.get("content"), at + ".content", role);
        JsonNode extension = node.get("penguin");
        Optional<Attribute> question = Optional.empty();
        boolean withheld = false;
        if (extension != null && !extension.isNull()) {
            if (!extension.isObject()) {
                throw new InvalidChatRequestException(at + ".penguin", INVALID_TYPE, at + ".penguin must be an object");
            }
            if (role == ChatRole.ASSISTANT) {
                question = attribute(extension.get("attribute"), at + ".penguin.attribute");
            } else if (role == ChatRole.USER) {
                withheld = reply(extension.get("reply"), at + ".penguin.reply");
            }
        }
        return new ChatMessage(role, content, question, withheld);
    }

    /** A string, or an array of text parts (the SDKs' other shape); an assistant message may have none. */
    private static String content(JsonNode value, String at, ChatRole role) {
        if (value == null || value.isNull()) {
            if (role == ChatRole.ASSISTANT) {
                return "";
            }
            throw new InvalidChatRequestException(at, MISSING, at + " is missing");
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (!value.isArray()) {
            throw new InvalidChatRequestException(at, INVALID_TYPE, at + " must be a string or an array of text parts");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < value.size(); i++) {
            JsonNode part = value.get(i);
            if (!part.isObject()
                    || !"text".equals(part.path("type").asText())
                    || !part.path("text").isTextual()) {
                throw new InvalidChatRequestException(
                        at + "[" + i + "]",
                        INVALID_VALUE,
                        at + "[" + i + "] must be a text part ({\"type\":\"text\",\"text\":...}); only text is read");
            }
            if (!text.isEmpty()) {
                text.append("\n");
            }
            text.append(part.get("text").asText());
        }
        return text.toString();
    }

    private static Optional<Attribute> attribute(JsonNode value, String at) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Attribute.fromLabel(value.asText()));
        } catch (IllegalArgumentException e) {
            throw new InvalidChatRequestException(
                    at, INVALID_VALUE, at + " must be an attribute label: " + Attribute.labels());
        }
    }

    private static boolean reply(JsonNode value, String at) {
        if (value == null || value.isNull()) {
            return false;
        }
        return switch (value.asText()) {
            case "answer" -> false;
            case "skip", "decline" -> true;
            default ->
                throw new InvalidChatRequestException(at, INVALID_VALUE, at + " must be answer, skip or decline");
        };
    }

    private static boolean flag(JsonNode node, String field, String param) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidChatRequestException(param, INVALID_TYPE, param + " must be true or false");
        }
        return value.asBoolean();
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
