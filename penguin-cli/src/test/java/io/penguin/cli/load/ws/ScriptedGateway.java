package io.penguin.cli.load.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.penguin.contracts.agent.AgentProtocol;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the agent gateway that speaks {@code penguin.agent.v1} as docs/agent-protocol.md describes it, with
 * a fixed script: three questions (Emotional State, Mental Health Status, Age), then a response and {@code end}. In
 * {@code penguin.agent.v2} the response comes after two delta frames and the session goes on: a follow-up query is
 * answered at once, and the client's {@code end} ends it. It
 * accepts one API key (as a header or a {@code bearer.} subprotocol) and records, per attribute, how often it was
 * answered with what, so a test can check the users answered from their profiles.
 */
final class ScriptedGateway implements AutoCloseable {

    static final List<String> ASKED = List.of("Emotional State", "Mental Health Status", "Age");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final String key;
    private final Map<String, List<String>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger declines = new AtomicInteger();
    private final AtomicInteger followUps = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean closeBeforeResponse;

    ScriptedGateway(String key) throws Exception {
        this.key = key;
        this.server = vertx.createHttpServer(
                new HttpServerOptions().setWebSocketSubProtocols(List.of(AgentProtocol.V1, AgentProtocol.V2)));
        server.webSocketHandler(this::session);
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + server.actualPort() + "/v1/agent");
    }

    /** Sessions end with the connection closed after the last question instead of a response. */
    ScriptedGateway closingBeforeResponse() {
        closeBeforeResponse = true;
        return this;
    }

    Map<String, List<String>> answers() {
        return answers;
    }

    int declines() {
        return declines.get();
    }

    /** Queries received in v2 sessions after the first one's response. */
    int followUps() {
        return followUps.get();
    }

    int maxOpen() {
        return maxOpen.get();
    }

    private void session(ServerWebSocket socket) {
        String header = socket.headers().get("Authorization");
        String protocols = socket.headers().get("Sec-WebSocket-Protocol");
        boolean authorized = ("Bearer " + key).equals(header)
                || (protocols != null && List.of(protocols.split("\\s*,\\s*")).contains("bearer." + key));
        if (!authorized || !socket.path().equals("/v1/agent")) {
            socket.reject(401);
            return;
        }
        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        socket.closeHandler(ignored -> open.decrementAndGet());
        AtomicInteger asked = new AtomicInteger();
        // the handshake is not done yet here (subProtocol() is still unset): read what the client offered
        boolean v2 = protocols != null && List.of(protocols.split("\\s*,\\s*")).contains(AgentProtocol.V2);
        socket.writeTextMessage(frame("hello")
                .put("protocol", v2 ? AgentProtocol.V2 : AgentProtocol.V1)
                .put("sessionId", "s-test")
                .toString());
        socket.textMessageHandler(text -> {
            JsonNode frame;
            try {
                frame = JSON.readTree(text);
            } catch (Exception e) {
                socket.writeTextMessage(
                        frame("error").put("code", "malformed-frame").toString());
                return;
            }
            String type = frame.path("type").asText();
            if (type.equals("answer")) {
                String attribute = ASKED.get(asked.get() - 1);
                answers.computeIfAbsent(attribute, ignored -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(frame.path("text").asText());
            } else if (type.equals("decline")) {
                declines.incrementAndGet();
            } else if (type.equals("end")) {
                socket.writeTextMessage(
                        frame("end").put("reason", "client-ended").toString());
                socket.close((short) 1000);
                return;
            } else if (type.equals("query") && asked.get() > 0) {
                followUps.incrementAndGet();
            }
            if (asked.get() < ASKED.size()) {
                int number = asked.incrementAndGet();
                socket.writeTextMessage(frame("question")
                        .put("questionId", "q" + number)
                        .put("attribute", ASKED.get(number - 1))
                        .put("text", "Tell me about your " + ASKED.get(number - 1))
                        .put("number", number)
                        .put("budget", ASKED.size())
                        .toString());
            } else if (closeBeforeResponse) {
                socket.close((short) 1011);
            } else if (v2) {
                // v2: the answer in deltas, then the response; the session goes on (a follow-up asks nothing again)
                socket.writeTextMessage(frame("delta").put("text", "an ").toString());
                socket.writeTextMessage(frame("delta").put("text", "answer").toString());
                socket.writeTextMessage(frame("response")
                        .put("text", "an answer")
                        .put("model", "reference")
                        .put("fallback", false)
                        .toString());
            } else {
                socket.writeTextMessage(frame("response")
                        .put("text", "an answer")
                        .put("model", "reference")
                        .put("fallback", false)
                        .toString());
                socket.writeTextMessage(frame("end").put("reason", "completed").toString());
                socket.close((short) 1000);
            }
        });
    }

    private static ObjectNode frame(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
