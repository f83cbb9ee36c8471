package io.penguin.contracts.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Why a session ended, and the WebSocket close status that goes with it. */
public enum EndReason {
    COMPLETED("completed", 1000),
    CLIENT_ENDED("client-ended", 1000),
    IDLE_TIMEOUT("idle-timeout", 1000),
    SERVER_SHUTDOWN("server-shutdown", 1001),
    FLOOD("flood", 1008),
    TOO_MANY_ERRORS("too-many-errors", 1008),
    INTERNAL("internal", 1011);

    private final String id;
    private final int closeStatus;

    EndReason(String id, int closeStatus) {
        this.id = id;
        this.closeStatus = closeStatus;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public int closeStatus() {
        return closeStatus;
    }

    @JsonCreator
    public static EndReason fromId(String id) {
        return Arrays.stream(values())
                .filter(reason -> reason.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown end reason '" + id + "'"));
    }
}
