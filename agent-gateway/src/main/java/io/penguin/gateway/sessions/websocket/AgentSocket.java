package io.penguin.gateway.sessions.websocket;

import io.penguin.gateway.sessions.service.LiveSessions;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;

/** The live agent endpoint, protocol {@code penguin.agent.v1} (docs/agent-protocol.md). One connection, one session. */
@WebSocket(path = "/v1/agent", endpointId = "io.penguin.gateway.sessions.websocket.AgentSocket")
public class AgentSocket {

    private final LiveSessions sessions;

    public AgentSocket(LiveSessions sessions) {
        this.sessions = sessions;
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        sessions.open(connection, connection.userData().get(ClientAuthentication.CLIENT));
    }

    @OnTextMessage
    public void text(WebSocketConnection connection, String frame) {
        sessions.receive(connection, frame);
    }

    @OnBinaryMessage
    public void binary(WebSocketConnection connection, Buffer frame) {
        sessions.receiveBinary(connection);
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        sessions.closed(connection);
    }
}
