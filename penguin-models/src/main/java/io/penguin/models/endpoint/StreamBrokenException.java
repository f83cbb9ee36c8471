package io.penguin.models.endpoint;

/**
 * A streamed call that failed after its first delta was relayed: never retried, since the caller already has part of
 * the answer. {@code endpointFault} is false when the one who took the deltas failed (e.g. the client went away), so
 * the endpoint's circuit breaker does not count it.
 */
public class StreamBrokenException extends RuntimeException {

    private final boolean endpointFault;

    public StreamBrokenException(String message, Throwable cause, boolean endpointFault) {
        super(message, cause);
        this.endpointFault = endpointFault;
    }

    public boolean endpointFault() {
        return endpointFault;
    }
}
