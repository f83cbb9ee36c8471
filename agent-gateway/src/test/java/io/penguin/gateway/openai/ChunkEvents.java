package io.penguin.gateway.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.Consumer;

/** A streamed chat completion as a client reads it: the {@code data:} events, each chunk decoded, up to {@code [DONE]}. */
final class ChunkEvents {

    static final String DONE = "[DONE]";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChunkEvents() {}

    /**
     * Hands each chunk to {@code onChunk} until {@code [DONE]} or the stream's end; the last event's data (
     * {@code [DONE]} when the stream was finished properly).
     */
    static String read(Iterator<String> lines, Consumer<JsonNode> onChunk) {
        String last = null;
        while (lines.hasNext()) {
            String line = lines.next();
            if (!line.startsWith("data: ")) {
                continue;
            }
            last = line.substring(6);
            if (last.equals(DONE)) {
                break;
            }
            try {
                onChunk.accept(JSON.readTree(last));
            } catch (IOException e) {
                throw new UncheckedIOException("a chunk that is not JSON: " + last, e);
            }
        }
        return last;
    }

    /** The chunk's content delta, empty for the role, finishing and usage chunks. */
    static String content(JsonNode chunk) {
        JsonNode choices = chunk.path("choices");
        return choices.isEmpty()
                ? ""
                : choices.get(0).path("delta").path("content").asText("");
    }
}
