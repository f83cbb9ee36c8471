package io.penguin.generation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How generation-service works through a polled batch of work items. */
@ConfigMapping(prefix = "penguin.generation")
public interface GenerationConfig {

    /**
     * Work items of one batch answered at the same time. Model endpoints bound their own concurrency; this only has
     * to be high enough to keep them busy.
     */
    @WithDefault("16")
    int concurrency();

    /** How long the broker may take to acknowledge a batch's responses before the batch is retried. */
    @WithDefault("60s")
    Duration publishTimeout();
}
