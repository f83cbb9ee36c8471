package io.penguin.reports;

/**
 * What one model call of a judgement cost, as the report reads it.
 *
 * @param provider {@code reference} for the offline reference models, else the endpoint's provider
 * @param latencyMillis wall time of the call
 * @param promptTokens prompt tokens
 * @param completionTokens completion tokens
 * @param cost in the endpoint's price units; null when no price is configured
 */
public record CallUsage(String provider, long latencyMillis, int promptTokens, int completionTokens, Double cost) {}
