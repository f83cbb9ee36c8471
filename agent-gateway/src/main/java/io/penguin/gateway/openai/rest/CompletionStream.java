package io.penguin.gateway.openai.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.penguin.agent.dialogue.Turn;
import io.penguin.gateway.openai.service.AgentReply;
import io.penguin.gateway.openai.service.StreamedTurn;
import io.penguin.gateway.sessions.service.TextDeltas;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A turn as OpenAI's server-sent events: a chunk with the role, the content in deltas, a chunk with the
 * {@code finish_reason} and the {@code penguin} extension, the usage chunk (empty choices) when asked for, then
 * {@code [DONE]}.
 */
final class CompletionStream {

    static final String DONE = "[DONE]";

    static final String INTERRUPTED = "the gateway failed while streaming this reply; the error is logged";

    private CompletionStream() {}

    /**
     * Writes a streamed turn as it comes: the role chunk, the answer's pieces as the turn hands them over (each cut
     * into deltas of about {@code deltaChars}, so that the reference models' one piece streams too) or the question's
     * text in deltas, the finishing chunk with the {@code penguin} object, the usage chunk when asked for, and
     * {@code [DONE]}. A turn that fails once the stream has begun ends it with an error event in OpenAI's error shape,
     * then {@code [DONE]}.
     */
    static void write(
            OutputStream out,
            ObjectMapper json,
            String id,
            long created,
            String model,
            boolean includeUsage,
            int deltaChars,
            StreamedTurn.Event first,
            StreamedTurn turn)
            throws IOException {
        OpenAiWire.ChunkStream chunks = new OpenAiWire.ChunkStream(id, created, model);
        send(out, encode(json, chunks.role()));
        StreamedTurn.Event event = first;
        while (event instanceof StreamedTurn.Delta delta) {
            content(out, json, chunks, delta.text(), deltaChars);
            event = next(turn);
        }
        if (event instanceof StreamedTurn.Failed failed) {
            Log.errorf(failed.error(), "streamed chat completion %s failed after it began", id);
            send(out, encode(json, OpenAiErrors.body(INTERRUPTED, "server_error", null, null)));
            send(out, DONE);
            return;
        }
        AgentReply reply = ((StreamedTurn.Done) event).reply();
        if (reply.turn() instanceof Turn.Question question) {
            content(out, json, chunks, question.text(), deltaChars);
        }
        send(out, encode(json, chunks.finished(OpenAiWire.PenguinTurn.of(reply.turn()))));
        if (includeUsage) {
            send(out, encode(json, chunks.usage(OpenAiWire.Usage.of(reply.promptTokens(), reply.completionTokens()))));
        }
        send(out, DONE);
    }

    private static void content(
            OutputStream out, ObjectMapper json, OpenAiWire.ChunkStream chunks, String text, int deltaChars)
            throws IOException {
        for (String piece : TextDeltas.split(text, deltaChars)) {
            send(out, encode(json, chunks.content(piece)));
        }
    }

    private static StreamedTurn.Event next(StreamedTurn turn) throws IOException {
        try {
            return turn.next();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the turn was streaming");
        }
    }

    private static void send(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String encode(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
