package io.penguin.models;

import io.penguin.contracts.ModelUsage;

/** A target model's answer and what it cost. */
public record ModelReply(String text, ModelUsage usage) {}
