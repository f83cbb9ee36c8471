package io.penguin.gateway.sessions.websocket;

import com.fasterxml.jackson.annotation.JsonValue;

/** The protocol's error codes (docs/agent-protocol.md). */
public enum ErrorCode {
    MALFORMED_FRAME("malformed-frame"),
    UNKNOWN_TYPE("unknown-type"),
    INVALID_FIELD("invalid-field"),
    UNEXPECTED_FRAME("unexpected-frame"),
    FRAME_TOO_LARGE("frame-too-large"),
    RATE_LIMITED("rate-limited"),
    INTERNAL("internal");

    private final String id;

    ErrorCode(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
