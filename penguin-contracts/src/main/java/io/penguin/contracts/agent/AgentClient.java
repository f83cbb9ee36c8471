package io.penguin.contracts.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket client of the live agent ({@link AgentProtocol}) on the JDK's {@link java.net.http.WebSocket}, for tests
 * and the {@code ws-load} tool alike: connects with a key (as a header, or as browsers must, a {@code bearer.<key>}
 * subprotocol entry), sends frames, and hands back what arrives in order: frames as JSON trees, the close, a failure.
 */
public final class AgentClient implements AutoCloseable {

    /** Something that arrived on the connection. */
    public sealed interface Received {

        /** A text frame that is a JSON object. */
        record Frame(JsonNode json) implements Received {
            public String type() {
                return json.path("type").asText();
            }
        }

        /** A frame that is not part of the protocol (binary, not JSON, not an object). */
        record Malformed(String what) implements Received {}

        /** The gateway closed the connection with this status. */
        record Closed(int status) implements Received {}

        /** The connection failed. */
        record Failed(String error) implements Received {}
    }

    /** The upgrade failed; {@link #kind()} says how ({@code http-401}, {@code connect-timeout}, ...). */
    public static final class ConnectFailure extends RuntimeException {

        private final String kind;
        private final int status;

        ConnectFailure(String kind, int status, Throwable cause) {
            super("agent connection failed: " + kind, cause);
            this.kind = kind;
            this.status = status;
        }

        public String kind() {
            return kind;
        }

        /** The HTTP status of a refused upgrade, or -1 when it did not get that far. */
        public int status() {
            return status;
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebSocket socket;
    private final BlockingQueue<Received> received;
    private final CompletableFuture<Integer> closed;
    private final Duration wait;

    private AgentClient(
            WebSocket socket, BlockingQueue<Received> received, CompletableFuture<Integer> closed, Duration wait) {
        this.socket = socket;
        this.received = received;
        this.closed = closed;
        this.wait = wait;
    }

    /** How to connect, starting from the gateway's root ({@code ws://host:port/}) or its endpoint URL. */
    public static Connector to(URI gateway) {
        return new Connector(AgentProtocol.endpoint(gateway));
    }

    /** Connects with {@code Authorization: Bearer <key>} and protocol v1. */
    public static AgentClient connect(URI gateway, String key) {
        return to(gateway).key(key).connect();
    }

    /** Connects the way a browser does: the key as a {@code bearer.<key>} subprotocol entry. */
    public static AgentClient connectAsBrowser(URI gateway, String key) {
        return to(gateway).key(key).keyAsSubprotocol(true).connect();
    }

    /** The HTTP status of a refused upgrade (e.g. 401), or -1 when the upgrade succeeded. */
    public static int refusedStatus(URI gateway, String key) {
        try (AgentClient client = connect(gateway, key)) {
            return -1;
        } catch (ConnectFailure e) {
            if (e.status() > 0) {
                return e.status();
            }
            throw e;
        }
    }

    /** Connection settings; {@link #connect()} opens the socket. */
    public static final class Connector {

        private final URI endpoint;
        private String key;
        private boolean keyAsSubprotocol;
        private List<String> protocols = List.of(AgentProtocol.V1);
        private HttpClient http;
        private Duration timeout = WAIT;

        private Connector(URI endpoint) {
            this.endpoint = endpoint;
        }

        /** The client's API key; {@code null} or blank: none (the gateway refuses with 401). */
        public Connector key(String key) {
            this.key = key == null || key.isBlank() ? null : key;
            return this;
        }

        public Connector keyAsSubprotocol(boolean asSubprotocol) {
            this.keyAsSubprotocol = asSubprotocol;
            return this;
        }

        /** The protocol versions offered, preferred first (default: v1 only). */
        public Connector protocols(String... protocols) {
            this.protocols = List.of(protocols);
            return this;
        }

        /** A shared HTTP client (many connections); default: one of its own. */
        public Connector http(HttpClient http) {
            this.http = http;
            return this;
        }

        /** The longest wait for the upgrade and, later, for any one frame in {@link AgentClient#next()}. */
        public Connector timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public AgentClient connect() {
            BlockingQueue<Received> received = new LinkedBlockingQueue<>();
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            HttpClient client = http != null ? http : HttpClient.newHttpClient();
            WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(timeout);
            List<String> offered = new ArrayList<>(protocols);
            if (key != null && keyAsSubprotocol) {
                offered.add("bearer." + key);
            } else if (key != null) {
                builder.header("Authorization", "Bearer " + key);
            }
            builder.subprotocols(
                    offered.get(0), offered.subList(1, offered.size()).toArray(String[]::new));
            try {
                WebSocket socket = builder.buildAsync(endpoint, new Collector(received, closed))
                        .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
                return new AgentClient(socket, received, closed, timeout);
            } catch (ExecutionException | CompletionException e) {
                throw failure(e.getCause() != null ? e.getCause() : e);
            } catch (TimeoutException e) {
                throw new ConnectFailure("connect-timeout", -1, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectFailure("interrupted", -1, e);
            }
        }

        private static ConnectFailure failure(Throwable failure) {
            Throwable cause = failure;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof WebSocketHandshakeException handshake) {
                int status = handshake.getResponse().statusCode();
                return new ConnectFailure("http-" + status, status, cause);
            }
            if (cause instanceof HttpTimeoutException) {
                return new ConnectFailure("connect-timeout", -1, cause);
            }
            if (cause instanceof java.net.ConnectException) {
                return new ConnectFailure("connect-refused", -1, cause);
            }
            return new ConnectFailure("connect:" + cause.getClass().getSimpleName(), -1, cause);
        }
    }

    /** Sends one text frame as given (valid or not). */
    public AgentClient send(String frame) {
        socket.sendText(frame, true).join();
        return this;
    }

    public AgentClient send(ClientFrame frame) {
        return send(FrameCodec.write(frame));
    }

    /** Sends a JSON frame built from key/value pairs, e.g. {@code sendJson("type", "query", "text", "...")}. */
    public AgentClient sendJson(String... keyValues) {
        var node = FrameCodec.mapper().createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.put(keyValues[i], keyValues[i + 1]);
        }
        return send(node.toString());
    }

    public AgentClient sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        return this;
    }

    /** What arrives next, or {@code null} when nothing does within {@code timeout}. */
    public Received receive(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * The next frame; fails with {@link IllegalStateException} when none arrives within the connector's timeout or the
     * connection closes or fails first.
     */
    public JsonNode next() {
        Received next;
        try {
            next = receive(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (next == null) {
            throw new IllegalStateException("no frame from the gateway within " + wait);
        }
        if (next instanceof Received.Frame frame) {
            return frame.json();
        }
        throw new IllegalStateException("expected a frame from the gateway, got " + next);
    }

    /** The next frame, which must be of this type. */
    public JsonNode next(String type) {
        JsonNode frame = next();
        if (!type.equals(frame.path("type").asText())) {
            throw new IllegalStateException("expected a " + type + " frame, got " + frame);
        }
        return frame;
    }

    /** The next frame as a typed record. */
    public ServerFrame nextFrame() {
        return FrameCodec.serverFrame(next());
    }

    /** Frames received and not yet taken (the close and failures left out: see {@link #closeStatus()}). */
    public List<JsonNode> pending() {
        List<Received> drained = new ArrayList<>();
        received.drainTo(drained);
        return drained.stream()
                .filter(Received.Frame.class::isInstance)
                .map(item -> ((Received.Frame) item).json())
                .toList();
    }

    /** The close status the gateway sent; waits up to the connector's timeout. */
    public int closeStatus() {
        return closed.orTimeout(wait.toSeconds(), TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** The subprotocol the gateway selected. */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Closes normally if still open, and drops the connection if the other side does not answer within 2 s. */
    @Override
    public void close() {
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

    private static final class Collector implements WebSocket.Listener {

        private final BlockingQueue<Received> received;
        private final CompletableFuture<Integer> closed;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<Received> received, CompletableFuture<Integer> closed) {
            this.received = received;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode frame = FrameCodec.mapper().readTree(text);
                    received.add(
                            frame != null && frame.isObject()
                                    ? new Received.Frame(frame)
                                    : new Received.Malformed("not-an-object"));
                } catch (IOException e) {
                    received.add(new Received.Malformed("not-json"));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            if (last) {
                received.add(new Received.Malformed("binary"));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            received.add(new Received.Closed(statusCode));
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            received.add(new Received.Failed(error.getClass().getSimpleName()));
            closed.completeExceptionally(error);
        }
    }
}
