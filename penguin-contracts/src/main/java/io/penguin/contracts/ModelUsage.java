package io.penguin.contracts;

/**
 * What one model call cost.
 *
 * @param model the configured model name
 * @param provider {@code reference} for the offline reference models, else the provider id
 * @param latencyMillis wall time of the call
 * @param promptTokens prompt tokens as reported, or estimated for the reference models
 * @param completionTokens completion tokens as reported, or estimated for the reference models
 */
public record ModelUsage(String model, String provider, long latencyMillis, int promptTokens, int completionTokens) {

    public ModelUsage {
        Events.requireText(model, "usage.model");
        Events.requireText(provider, "usage.provider");
    }
}
