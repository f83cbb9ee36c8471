package io.penguin.models.endpoint;

import java.lang.System.Logger.Level;

/**
 * Logs what an endpoint does through the JDK's platform logger (JBoss Log Manager in the services): failed
 * attempts, circuit changes and concurrency changes, with the endpoint name and a failure kind only.
 */
public class LoggingEndpointObserver implements EndpointObserver {

    private static final System.Logger LOG = System.getLogger("io.penguin.models.endpoint");

    @Override
    public void attemptFailed(String endpoint, int attempt, String reason) {
        LOG.log(Level.WARNING, "model endpoint {0}: attempt {1} failed: {2}", endpoint, attempt, reason);
    }

    @Override
    public void circuitChanged(String endpoint, String state) {
        LOG.log(Level.WARNING, "model endpoint {0}: circuit {1}", endpoint, state);
    }

    @Override
    public void concurrencyLimitChanged(String endpoint, int limit) {
        LOG.log(Level.INFO, "model endpoint {0}: concurrency limit now {1}", endpoint, limit);
    }
}
