package io.penguin.cli.load.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One agent session's WebSocket ({@code docs/agent-protocol.md}, {@code penguin.agent.v1}), on the JDK's client:
 * frames from the gateway arrive as JSON objects in a queue, and so do the connection's close and failure, as frames
 * of the types {@value #CLOSED} ({@code status}) and {@value #FAILED} ({@code error}).
 */
final class AgentConnection {

    static final String PROTOCOL = "penguin.agent.v1";
    static final String CLOSED = "-closed";
    static final String FAILED = "-failed";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private AgentConnection(HttpClient http, URI url, String apiKey, boolean keyAsSubprotocol, Duration timeout)
            throws ConnectFailure {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(timeout);
        if (apiKey == null || apiKey.isBlank()) {
            builder.subprotocols(PROTOCOL);
        } else if (keyAsSubprotocol) {
            builder.subprotocols(PROTOCOL, "bearer." + apiKey);
        } else {
            builder.subprotocols(PROTOCOL).header("Authorization", "Bearer " + apiKey);
        }
        try {
            socket = builder.buildAsync(url, new Listener()).get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw new ConnectFailure(classify(e.getCause() != null ? e.getCause() : e), e);
        } catch (TimeoutException e) {
            throw new ConnectFailure("connect-timeout", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectFailure("interrupted", e);
        }
    }

    static AgentConnection open(HttpClient http, URI url, String apiKey, boolean keyAsSubprotocol, Duration timeout)
            throws ConnectFailure {
        return new AgentConnection(http, url, apiKey, keyAsSubprotocol, timeout);
    }

    /** The next frame, or {@code null} after {@code timeout}. */
    JsonNode next(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    void send(ObjectNode frame) {
        socket.sendText(frame.toString(), true).join();
    }

    static ObjectNode frame(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    /** Closes normally if still open, and drops the connection if the other side does not answer. */
    void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // the gateway is gone already: nothing to close
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        socket.abort();
    }

    private static String classify(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof WebSocketHandshakeException handshake) {
            return "http-" + handshake.getResponse().statusCode();
        }
        if (cause instanceof HttpTimeoutException) {
            return "connect-timeout";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connect-refused";
        }
        return "connect:" + cause.getClass().getSimpleName();
    }

    /** The upgrade failed; {@link #getMessage()} is the failure type. */
    static final class ConnectFailure extends Exception {
        ConnectFailure(String type, Throwable cause) {
            super(type, cause);
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode frame = JSON.readTree(text);
                    frames.add(frame.isObject() ? frame : frame("-not-an-object"));
                } catch (java.io.IOException e) {
                    frames.add(frame("-not-json"));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
            if (last) {
                frames.add(frame("-binary"));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            frames.add(frame(CLOSED).put("status", statusCode));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            frames.add(frame(FAILED).put("error", error.getClass().getSimpleName()));
        }
    }
}
