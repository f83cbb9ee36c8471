package io.penguin.gateway.sessions.service;

import io.penguin.contracts.agent.ServerFrame;

/** What a session talks through: the transport's connection, seen from the service layer. */
public interface SessionChannel {

    /** The connection's id, unique while it is open. */
    String id();

    /** The subprotocol the upgrade settled on ({@code null} when none). */
    String protocol();

    boolean isOpen();

    /** Sends one frame and waits until the transport took it (up to 10 s). */
    void send(ServerFrame frame);

    /** Closes with this status and reason, waiting up to 5 s for the close to go out. */
    void close(int status, String reason);

    /** Closes with this status and reason without waiting. */
    void closeLater(int status, String reason);
}
