package io.penguin.models.endpoint;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/** What a failed attempt means: retry or not, wait how long, and whether the endpoint pushed back. */
final class Failures {

    private Failures() {}

    /** 408, 409, 425, 429 and 5xx, timeouts, I/O errors and malformed replies are worth another attempt. */
    static boolean transientFailure(Throwable failure) {
        Optional<Integer> status = status(failure);
        if (status.isPresent()) {
            int code = status.get();
            return code == 408 || code == 409 || code == 425 || code == 429 || code >= 500;
        }
        return true;
    }

    /** The endpoint said it is overloaded (429/503) or did not answer in time: lower the concurrency. */
    static boolean pushBack(Throwable failure) {
        Optional<Integer> status = status(failure);
        if (status.isPresent()) {
            return status.get() == 429 || status.get() == 503;
        }
        return timeout(failure);
    }

    static Optional<Duration> retryAfter(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EndpointHttpException http) {
                return http.retryAfter();
            }
        }
        return Optional.empty();
    }

    static Optional<Integer> status(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EndpointHttpException http) {
                return Optional.of(http.statusCode());
            }
        }
        return Optional.empty();
    }

    static boolean timeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof dev.langchain4j.exception.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A short, key-free description: the status, the kind of failure, never a request body. */
    static String describe(Throwable failure) {
        Optional<Integer> status = status(failure);
        if (status.isPresent()) {
            return "HTTP " + status.get();
        }
        if (timeout(failure)) {
            return "timeout";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedReplyException
                    || cause instanceof com.fasterxml.jackson.core.JacksonException) {
                return "malformed reply";
            }
            if (cause instanceof IOException) {
                return "I/O error (" + cause.getClass().getSimpleName() + ")";
            }
        }
        return failure.getClass().getSimpleName();
    }
}
