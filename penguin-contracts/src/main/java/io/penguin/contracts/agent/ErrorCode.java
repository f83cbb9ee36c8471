package io.penguin.contracts.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The protocol's error codes (docs/agent-protocol.md). */
public enum ErrorCode {
    MALFORMED_FRAME("malformed-frame"),
    UNKNOWN_TYPE("unknown-type"),
    INVALID_FIELD("invalid-field"),
    UNEXPECTED_FRAME("unexpected-frame"),
    FRAME_TOO_LARGE("frame-too-large"),
    RATE_LIMITED("rate-limited"),
    /** The gateway cannot serve the frame now (policy retrieval is down); the session goes on, send it again later. */
    UNAVAILABLE("unavailable"),
    INTERNAL("internal");

    private final String id;

    ErrorCode(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** True when the client caused it (a bad or untimely frame): these count towards the session's error limit. */
    public boolean clientsFault() {
        return this != UNAVAILABLE && this != INTERNAL;
    }

    @JsonCreator
    public static ErrorCode fromId(String id) {
        return Arrays.stream(values())
                .filter(code -> code.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown error code '" + id + "'"));
    }
}
