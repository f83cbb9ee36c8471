package io.penguin.service.messaging;

import io.penguin.models.ModelRegistry;
import io.penguin.models.endpoint.ModelEndpoint;
import java.util.Collection;
import java.util.function.IntSupplier;

/**
 * The size of a consumer's in-flight window, from the model endpoints' own limits rather than a service setting: the
 * endpoints' adaptive concurrency limits summed (read at every admission, so a limit halved by 429s shrinks the
 * window), times {@link ConsumerConfig#itemsPerEndpointSlot()}, between the configured minimum and maximum.
 */
public final class InFlightLimits implements IntSupplier {

    private final Collection<ModelEndpoint> endpoints;
    private final ConsumerConfig config;

    public InFlightLimits(Collection<ModelEndpoint> endpoints, ConsumerConfig config) {
        if (config.minInFlight() < 1 || config.maxInFlight() < config.minInFlight()) {
            throw new IllegalArgumentException("penguin.consumer: need 1 <= min-in-flight <= max-in-flight, was "
                    + config.minInFlight() + " and " + config.maxInFlight());
        }
        this.endpoints = endpoints;
        this.config = config;
    }

    public static InFlightLimits of(ModelRegistry models, ConsumerConfig config) {
        return new InFlightLimits(models.endpoints(), config);
    }

    @Override
    public int getAsInt() {
        long slots = 0;
        for (ModelEndpoint endpoint : endpoints) {
            slots += endpoint.concurrencyLimit();
        }
        long items = (long) Math.ceil(slots * config.itemsPerEndpointSlot());
        return (int) Math.max(config.minInFlight(), Math.min(config.maxInFlight(), items));
    }
}
