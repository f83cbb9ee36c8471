package io.penguin.gateway.openai.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.gateway.openai.service.AgentReply;
import io.penguin.gateway.sessions.service.TextDeltas;
import java.util.ArrayList;
import java.util.List;

/**
 * A reply as OpenAI's server-sent events: a chunk with the role, the content in deltas, a chunk with the
 * {@code finish_reason} and the {@code penguin} extension, the usage chunk (empty choices) when asked for, then
 * {@code [DONE]}.
 */
final class CompletionStream {

    static final String DONE = "[DONE]";

    private CompletionStream() {}

    /** The {@code data:} payloads, in order. */
    static List<String> events(
            ObjectMapper json, String id, long created, AgentReply reply, boolean includeUsage, int deltaChars) {
        List<String> events = new ArrayList<>();
        events.add(encode(json, chunk(id, created, reply, new OpenAiWire.Delta("assistant", ""), null)));
        for (String delta : TextDeltas.split(reply.content(), deltaChars)) {
            events.add(encode(json, chunk(id, created, reply, new OpenAiWire.Delta(null, delta), null)));
        }
        events.add(encode(
                json,
                new OpenAiWire.Chunk(
                        id,
                        created,
                        reply.model(),
                        List.of(new OpenAiWire.ChunkChoice(
                                0, new OpenAiWire.Delta(null, null), null, OpenAiWire.FINISHED)),
                        null,
                        OpenAiWire.PenguinTurn.of(reply.turn()))));
        if (includeUsage) {
            events.add(encode(
                    json,
                    new OpenAiWire.Chunk(
                            id,
                            created,
                            reply.model(),
                            List.of(),
                            OpenAiWire.Usage.of(reply.promptTokens(), reply.completionTokens()),
                            null)));
        }
        events.add(DONE);
        return events;
    }

    private static OpenAiWire.Chunk chunk(
            String id, long created, AgentReply reply, OpenAiWire.Delta delta, String finishReason) {
        return new OpenAiWire.Chunk(
                id,
                created,
                reply.model(),
                List.of(new OpenAiWire.ChunkChoice(0, delta, null, finishReason)),
                null,
                null);
    }

    private static String encode(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
