package io.penguin.models.endpoint;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.util.function.Consumer;

/**
 * Reads an OpenAI chat completion stream, one server-sent event at a time (langchain4j's SSE parser splits the
 * events): each {@code data:} chunk's {@code choices[0].delta.content} goes to the caller as it comes, a chunk with
 * {@code usage} (sent when the request asked for {@code stream_options.include_usage}) gives the token counts, and
 * {@code [DONE]} ends the stream. Anything else ends it with a typed error naming the chunk and what is wrong with it,
 * never its text: a chunk that is not JSON or has no {@code choices}, an error object, the stream closing before
 * {@code [DONE]}, a read failure or the timeout. Events may come from the reading thread and the timeout's, so the
 * listener's methods are synchronized.
 */
final class ChatStreamReader implements ServerSentEventListener {

    static final String DONE = "[DONE]";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> deltas;
    private final StringBuilder text = new StringBuilder();
    private int chunks;
    private boolean done;
    private Integer promptTokens;
    private Integer completionTokens;
    private RuntimeException failure;

    /** @param deltas takes each piece of the assistant's text, in order */
    ChatStreamReader(Consumer<String> deltas) {
        this.deltas = deltas;
    }

    @Override
    public synchronized void onEvent(ServerSentEvent event, ServerSentEventContext context) {
        if (failure != null || done) {
            return;
        }
        String data = event.data() == null ? "" : event.data().strip();
        if (data.isEmpty()) {
            return;
        }
        if (DONE.equals(data)) {
            done = true;
            context.parsingHandle().cancel();
            return;
        }
        chunks++;
        try {
            read(JSON.readTree(data));
        } catch (JacksonException e) {
            fail(new MalformedReplyException("stream chunk " + chunks + " is not JSON"));
        } catch (RuntimeException e) {
            fail(e);
        }
        if (failure != null) {
            context.parsingHandle().cancel();
        }
    }

    @Override
    public void onEvent(ServerSentEvent event) {
        throw new UnsupportedOperationException("events come with their context");
    }

    @Override
    public synchronized void onError(Throwable error) {
        fail(
                error instanceof RuntimeException runtime
                        ? runtime
                        : new java.io.UncheckedIOException(
                                "reading the stream failed after " + chunks + " chunks",
                                error instanceof java.io.IOException io ? io : new java.io.IOException(error)));
    }

    /**
     * The call's outcome once the stream is over: the whole text and its usage (estimated when the endpoint sent
     * none), or the first failure.
     */
    synchronized ChatResult result(int estimatedPromptTokens, long millis) {
        if (failure != null) {
            throw failure;
        }
        if (!done) {
            throw new MalformedReplyException("the stream ended after " + chunks + " chunks without [DONE]");
        }
        if (text.isEmpty()) {
            throw new MalformedReplyException("the stream carried no assistant text");
        }
        String whole = text.toString();
        return new ChatResult(
                whole,
                promptTokens != null ? promptTokens : estimatedPromptTokens,
                completionTokens != null ? completionTokens : Math.max(1, whole.length() / 4),
                millis,
                1,
                false);
    }

    private void read(JsonNode chunk) {
        if (!chunk.isObject()) {
            throw new MalformedReplyException("stream chunk " + chunks + " is not a JSON object");
        }
        if (chunk.has("error")) {
            throw new MalformedReplyException("stream chunk " + chunks + " is an error object: "
                    + chunk.path("error").path("type").asText("no type"));
        }
        JsonNode usage = chunk.path("usage");
        if (usage.isObject()) {
            promptTokens = count(usage, "prompt_tokens");
            completionTokens = count(usage, "completion_tokens");
        }
        JsonNode choices = chunk.path("choices");
        if (!choices.isArray()) {
            if (usage.isObject()) {
                return;
            }
            throw new MalformedReplyException("stream chunk " + chunks + " has no choices array");
        }
        if (choices.isEmpty()) {
            return;
        }
        JsonNode content = choices.get(0).path("delta").path("content");
        if (content.isMissingNode() || content.isNull()) {
            return;
        }
        if (!content.isTextual()) {
            throw new MalformedReplyException(
                    "stream chunk " + chunks + ": choices[0].delta.content is " + content.getNodeType() + ", not text");
        }
        String piece = content.asText();
        if (piece.isEmpty()) {
            return;
        }
        text.append(piece);
        try {
            deltas.accept(piece);
        } catch (RuntimeException e) {
            throw new StreamBrokenException("the receiver of the deltas failed at chunk " + chunks, e, false);
        }
    }

    private Integer count(JsonNode usage, String field) {
        JsonNode value = usage.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isInt() || value.asInt() < 0) {
            throw new MalformedReplyException(
                    "stream chunk " + chunks + ": usage." + field + " is not a non-negative integer");
        }
        return value.asInt();
    }

    private void fail(RuntimeException error) {
        if (failure == null) {
            failure = error;
        }
    }
}
