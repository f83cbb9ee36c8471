package io.penguin.gateway.sessions.service;

import io.penguin.contracts.agent.ErrorCode;

/** A frame the gateway refuses, with the protocol's error code and a message that says what is wrong. */
public final class FrameException extends RuntimeException {

    private final ErrorCode code;

    public FrameException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
