package io.penguin.gateway.sessions.websocket;

import io.penguin.contracts.agent.FrameCodec;
import io.penguin.contracts.agent.ServerFrame;
import io.penguin.gateway.sessions.service.SessionChannel;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.time.Duration;

/** A WebSocket Next connection as the service layer's {@link SessionChannel}. */
final class ConnectionChannel implements SessionChannel {

    private final WebSocketConnection connection;

    ConnectionChannel(WebSocketConnection connection) {
        this.connection = connection;
    }

    @Override
    public String id() {
        return connection.id();
    }

    @Override
    public String protocol() {
        return connection.subprotocol();
    }

    @Override
    public boolean isOpen() {
        return connection.isOpen();
    }

    @Override
    public void send(ServerFrame frame) {
        if (connection.isOpen()) {
            connection.sendText(FrameCodec.write(frame)).await().atMost(Duration.ofSeconds(10));
        }
    }

    @Override
    public void close(int status, String reason) {
        connection.close(new CloseReason(status, reason)).await().atMost(Duration.ofSeconds(5));
    }

    @Override
    public void closeLater(int status, String reason) {
        connection.close(new CloseReason(status, reason)).subscribe().with(done -> {}, failure -> {});
    }
}
