package io.penguin.models.endpoint;

/** What an endpoint reports as it works, for metrics and logs. Never given a prompt, a reply or a key. */
public interface EndpointObserver {

    EndpointObserver NONE = new EndpointObserver() {};

    /** An attempt failed; {@code reason} is a status or a kind of failure. */
    default void attemptFailed(String endpoint, int attempt, String reason) {}

    /** The circuit changed state: {@code OPEN}, {@code HALF_OPEN} or {@code CLOSED}. */
    default void circuitChanged(String endpoint, String state) {}

    /** The adaptive concurrency limit moved. */
    default void concurrencyLimitChanged(String endpoint, int limit) {}

    /** A call finished: successful or failed for good. */
    default void callFinished(String endpoint, boolean success, long latencyMillis, int attempts) {}
}
