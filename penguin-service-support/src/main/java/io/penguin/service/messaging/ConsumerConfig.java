package io.penguin.service.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many work items a pipelined consumer ({@link WorkItemPipeline}) keeps in flight. The number follows the model
 * endpoints' concurrency limits (their adaptive limits, summed), between {@code min-in-flight} and
 * {@code max-in-flight}; what a service holds in memory is bounded in items by {@code max-in-flight} plus the Kafka
 * connector's queue ({@code max.poll.records} x {@code max-queue-size-factor} records, set per channel).
 */
@ConfigMapping(prefix = "penguin.consumer")
public interface ConsumerConfig {

    /**
     * The bound, in work items, of what one consumer holds between taking a record and acknowledging it (waiting for an
     * endpoint slot, in a model call, being stored or published), however slow or rate-limited the endpoints are.
     */
    @WithDefault("512")
    int maxInFlight();

    /**
     * Work items in flight when the endpoints allow fewer, or when none is configured. The reference models answer in
     * well under a millisecond, but an item stays in flight until its output is acknowledged (the producer's linger
     * and the broker's write) and, in the judge, until its grouped look-up and insert are committed: tens of
     * milliseconds. With 32, EvaluationBenchmark judged about 415 items/s once steady; a few hundred keep the cores busy.
     */
    @WithDefault("256")
    int minInFlight();

    /**
     * Work items in flight per concurrency slot of the endpoints: above 1, so that a slot freed while an item is being
     * published or stored finds the next item already waiting for it.
     */
    @WithDefault("1.25")
    double itemsPerEndpointSlot();
}
