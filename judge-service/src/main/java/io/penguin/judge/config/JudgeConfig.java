package io.penguin.judge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How judge-service works through a polled batch of responses. */
@ConfigMapping(prefix = "penguin.judging")
public interface JudgeConfig {

    /** Judge calls of one batch made at the same time (endpoints bound their own concurrency). */
    @WithDefault("16")
    int concurrency();

    /** How long the broker may take to acknowledge a batch's judgements before the batch is retried. */
    @WithDefault("60s")
    Duration publishTimeout();
}
