package io.penguin.models.endpoint;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/** A non-2xx answer of an endpoint, with its {@code Retry-After} (which langchain4j's own exception drops). */
public class EndpointHttpException extends HttpException {

    private final Duration retryAfter;

    public EndpointHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, "HTTP " + statusCode + ": " + abbreviate(body));
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
