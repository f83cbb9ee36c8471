package io.penguin.models.endpoint;

/** The endpoint answered 2xx with something that is not a usable chat completion. Transient: retried. */
public class MalformedReplyException extends RuntimeException {

    public MalformedReplyException(String message) {
        super(message);
    }
}
