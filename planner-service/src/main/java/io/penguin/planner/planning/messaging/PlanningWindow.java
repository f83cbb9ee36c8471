package io.penguin.planner.planning.messaging;

import io.penguin.models.ModelRegistry;
import io.penguin.models.endpoint.ModelEndpoint;
import io.penguin.service.messaging.ConsumerConfig;
import java.util.Collection;
import java.util.function.IntSupplier;

/**
 * How many plans are searched at once. With model endpoints configured (an LLM reward), a plan spends its time
 * waiting for its target and judge calls, so the planner keeps as many plans in flight as the endpoints' adaptive
 * concurrency limits allow (summed, times {@code penguin.consumer.items-per-endpoint-slot}, at most
 * {@code penguin.consumer.max-in-flight}). Without endpoints the reward is the rule-based reference models, a search is
 * CPU work, and one plan per core keeps the cores busy without a queue of half-finished trees.
 */
final class PlanningWindow implements IntSupplier {

    private final Collection<ModelEndpoint> endpoints;
    private final ConsumerConfig config;
    private final int cores;

    PlanningWindow(ModelRegistry models, ConsumerConfig config, int cores) {
        this.endpoints = models.endpoints();
        this.config = config;
        this.cores = Math.max(1, cores);
    }

    @Override
    public int getAsInt() {
        if (endpoints.isEmpty()) {
            return cores;
        }
        long slots = 0;
        for (ModelEndpoint endpoint : endpoints) {
            slots += endpoint.concurrencyLimit();
        }
        long plans = (long) Math.ceil(slots * config.itemsPerEndpointSlot());
        return (int) Math.max(1, Math.min(config.maxInFlight(), plans));
    }
}
