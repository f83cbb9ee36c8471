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
    INTERNAL("internal");

    private final String id;

    ErrorCode(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static ErrorCode fromId(String id) {
        return Arrays.stream(values())
                .filter(code -> code.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown error code '" + id + "'"));
    }
}
