package io.penguin.generation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How generation-service publishes its responses. How many work items it keeps in flight is
 * {@code penguin.consumer.*} ({@link io.penguin.service.messaging.ConsumerConfig}).
 */
@ConfigMapping(prefix = "penguin.generation")
public interface GenerationConfig {

    /** How long the broker may take to acknowledge an item's response before the item is dead-lettered. */
    @WithDefault("60s")
    Duration publishTimeout();
}
