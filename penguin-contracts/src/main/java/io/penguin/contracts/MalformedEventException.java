package io.penguin.contracts;

/** A record that cannot become an event: bad JSON, a missing field, a wrong type. Never retried; goes to the DLQ. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
