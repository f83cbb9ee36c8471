package io.penguin.gateway.openai.rest;

import io.penguin.gateway.openai.service.InvalidChatRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** Error responses in OpenAI's shape, with the status codes its SDKs map to typed errors. */
final class OpenAiErrors {

    private OpenAiErrors() {}

    static Response unauthorized() {
        return Response.status(401)
                .header("WWW-Authenticate", "Bearer realm=\"penguin-agent\"")
                .type(MediaType.APPLICATION_JSON)
                .entity(body(
                        "no valid API key: send Authorization: Bearer <key> with a key of a configured client",
                        "invalid_request_error",
                        null,
                        "invalid_api_key"))
                .build();
    }

    /** 429 with {@code Retry-After} in whole seconds, at least 1. */
    static Response rateLimited(String message, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Response.status(429)
                .header("Retry-After", String.valueOf(seconds))
                .type(MediaType.APPLICATION_JSON)
                .entity(body(message, "requests", null, "rate_limit_exceeded"))
                .build();
    }

    static Response invalid(InvalidChatRequestException e) {
        return Response.status(400)
                .type(MediaType.APPLICATION_JSON)
                .entity(body(e.getMessage(), "invalid_request_error", e.param(), e.code()))
                .build();
    }

    /** 503 with {@code Retry-After}: a part the turn needs cannot serve now. */
    static Response unavailable(String message, String code, Duration retryAfter) {
        return Response.status(503)
                .header("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds())))
                .type(MediaType.APPLICATION_JSON)
                .entity(body(message, "server_error", null, code))
                .build();
    }

    static Response internal() {
        return Response.status(500)
                .type(MediaType.APPLICATION_JSON)
                .entity(body(
                        "the gateway failed to handle this request; the error is logged", "server_error", null, null))
                .build();
    }

    static OpenAiWire.ErrorResponse body(String message, String type, String param, String code) {
        return new OpenAiWire.ErrorResponse(new OpenAiWire.ErrorDetail(message, type, param, code));
    }
}
