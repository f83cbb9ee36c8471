package io.penguin.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client of the agent gateway (JDK {@link java.net.http.WebSocket}) for tests: connects with a key,
 * sends frames, and hands back the gateway's frames in order as JSON trees.
 */
public final class AgentClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> frames;
    private final CompletableFuture<Integer> closed;

    private AgentClient(WebSocket socket, BlockingQueue<JsonNode> frames, CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.frames = frames;
        this.closed = closed;
    }

    /** Connects to {@code ws://host:port/v1/agent} with {@code Authorization: Bearer <key>}. */
    public static AgentClient connect(URI gateway, String key) {
        return open(gateway, key, false);
    }

    /** Connects the way a browser does: the key as a {@code bearer.<key>} subprotocol entry. */
    public static AgentClient connectAsBrowser(URI gateway, String key) {
        return open(gateway, key, true);
    }

    /** The HTTP status of a refused upgrade (e.g. 401), or -1 when the upgrade succeeded. */
    public static int refusedStatus(URI gateway, String key) {
        try (AgentClient client = open(gateway, key, false)) {
            return -1;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static AgentClient open(URI gateway, String key, boolean asBrowser) {
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Builder builder =
                HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        if (key != null && !asBrowser) {
            builder.header("Authorization", "Bearer " + key);
        }
        if (asBrowser && key != null) {
            builder.subprotocols("penguin.agent.v1", "bearer." + key);
        } else {
            builder.subprotocols("penguin.agent.v1");
        }
        WebSocket socket = builder.buildAsync(gateway.resolve("/v1/agent"), new Collector(frames, closed))
                .join();
        return new AgentClient(socket, frames, closed);
    }

    /** Sends one text frame as given (valid or not). */
    public AgentClient send(String frame) {
        socket.sendText(frame, true).join();
        return this;
    }

    /** Sends a JSON frame built from key/value pairs, e.g. {@code send("type", "query", "text", "...")}. */
    public AgentClient sendJson(String... keyValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.put(keyValues[i], keyValues[i + 1]);
        }
        return send(node.toString());
    }

    public AgentClient sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        return this;
    }

    /** The next frame from the gateway; fails when none arrives within 30 s. */
    public JsonNode next() {
        try {
            JsonNode frame = frames.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame from the gateway within " + WAIT);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next frame, which must be of this type. */
    public JsonNode next(String type) {
        JsonNode frame = next();
        if (!type.equals(frame.path("type").asText())) {
            throw new AssertionError("expected a " + type + " frame, got " + frame);
        }
        return frame;
    }

    /** Frames received and not yet taken. */
    public List<JsonNode> pending() {
        List<JsonNode> drained = new ArrayList<>();
        frames.drainTo(drained);
        return drained;
    }

    /** The close status the gateway sent; waits up to 30 s. */
    public int closeStatus() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** The subprotocol the gateway selected. */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private static final class Collector implements WebSocket.Listener {

        private final BlockingQueue<JsonNode> frames;
        private final CompletableFuture<Integer> closed;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<JsonNode> frames, CompletableFuture<Integer> closed) {
            this.frames = frames;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException("the gateway sent a frame that is not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
