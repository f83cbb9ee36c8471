package io.penguin.models.endpoint;

/**
 * A model call failed for good: the retry budget is spent, the failure is not transient, the circuit is open, or no
 * rate-limit permit came in time. Never replaced by a default reply.
 */
public class ModelCallFailedException extends RuntimeException {

    private final String endpoint;
    private final int attempts;

    public ModelCallFailedException(String endpoint, int attempts, String reason, Throwable cause) {
        super("model endpoint '" + endpoint + "' failed after " + attempts + " attempt(s): " + reason, cause);
        this.endpoint = endpoint;
        this.attempts = attempts;
    }

    public String endpoint() {
        return endpoint;
    }

    public int attempts() {
        return attempts;
    }
}
