package io.penguin.judge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How judge-service stores and publishes its judgements. How many responses it keeps in flight is
 * {@code penguin.consumer.*} ({@link io.penguin.service.messaging.ConsumerConfig}).
 */
@ConfigMapping(prefix = "penguin.judging")
public interface JudgeConfig {

    /**
     * The most responses whose judgements are looked up in one query, and stored in one transaction: the responses in
     * flight that reached that step meanwhile share it.
     */
    @WithDefault("500")
    int writeGroup();

    /** How long the broker may take to acknowledge a response's judgements before it is dead-lettered. */
    @WithDefault("60s")
    Duration publishTimeout();
}
