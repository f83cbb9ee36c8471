package io.penguin.gateway.sessions.websocket;

import io.penguin.contracts.agent.AgentProtocol;
import io.penguin.gateway.sessions.service.LiveSessions;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;

/** The live agent endpoint, protocols {@code penguin.agent.v1} and {@code v2} (docs/agent-protocol.md). One connection, one session. */
@WebSocket(path = AgentProtocol.PATH, endpointId = "io.penguin.gateway.sessions.websocket.AgentSocket")
public class AgentSocket {

    private final LiveSessions sessions;

    public AgentSocket(LiveSessions sessions) {
        this.sessions = sessions;
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        sessions.open(
                new ConnectionChannel(connection),
                connection.userData().get(ClientAuthentication.CLIENT),
                connection.userData().get(ClientAuthentication.RESERVATION));
    }

    /**
     * A text frame. One over the cut-off ends the session with 1009, one that was not UTF-8 with 1007 (RFC 6455
     * 7.4.1), each counted and logged once as a WARN without the content. The transport hands text frames over
     * already decoded, with every invalid byte sequence replaced by U+FFFD, so a raw U+FFFD is taken as invalid UTF-8;
     * the protocol's JSON clients send that character escaped ({@code \\ufffd}), which the check does not see.
     */
    @OnTextMessage
    public void text(WebSocketConnection connection, String frame) {
        long bytes = utf8Length(frame);
        if (bytes > sessions.cutOffBytes()) {
            sessions.cutOff(
                    new ConnectionChannel(connection),
                    1009,
                    "frame-too-large",
                    "frame of " + bytes + " bytes, over the " + sessions.cutOffBytes() + "-byte cut-off");
            return;
        }
        if (frame.indexOf(REPLACEMENT) >= 0) {
            sessions.cutOff(new ConnectionChannel(connection), 1007, "invalid-utf8", "text frame is not valid UTF-8");
            return;
        }
        sessions.receive(connection.id(), frame);
    }

    private static final char REPLACEMENT = '\uFFFD';

    /** The frame's size on the wire, without copying it. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    @OnBinaryMessage
    public void binary(WebSocketConnection connection, Buffer frame) {
        sessions.receiveBinary(connection.id());
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        sessions.closed(connection.id());
    }
}
