package io.penguin.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What one model call cost.
 *
 * @param model the configured model name
 * @param provider {@code reference} for the offline reference models, else the provider id
 * @param latencyMillis wall time of the call
 * @param promptTokens prompt tokens as reported, or estimated for the reference models
 * @param completionTokens completion tokens as reported, or estimated for the reference models
 * @param cost in the endpoint's price units, from its configured prices per million tokens; {@code 0} for the
 *     offline reference models (they run in-process and cost nothing) and for cache hits; {@code null} when the
 *     endpoint has no price configured (unknown, not free); always written, as {@code null} then
 */
public record ModelUsage(
        String model, String provider, long latencyMillis, int promptTokens, int completionTokens, Double cost) {

    @JsonCreator
    public ModelUsage {
        Events.requireText(model, "usage.model");
        Events.requireText(provider, "usage.provider");
        if (cost != null && (cost.isNaN() || cost < 0)) {
            throw new IllegalArgumentException("usage.cost must be a non-negative number or absent, was " + cost);
        }
    }

    /** A call whose cost is unknown (no price configured). */
    public ModelUsage(String model, String provider, long latencyMillis, int promptTokens, int completionTokens) {
        this(model, provider, latencyMillis, promptTokens, completionTokens, null);
    }
}
