package io.penguin.models;

import io.penguin.contracts.ModelUsage;

/**
 * Sums the usage of several model calls made for one purpose (a decision and its re-asks, the agent's or the simulated
 * user's calls in one dialogue). The cost is unknown ({@code null}) as soon as one call's cost is: a sum that skipped
 * an unpriced call would pass for the whole bill. Not thread-safe: one dialogue adds to it at a time.
 */
public final class UsageTally {

    private final String model;
    private String provider;
    private boolean providerFromUsage;
    private long latencyMillis;
    private long promptTokens;
    private long completionTokens;
    private double cost;
    private boolean costUnknown;
    private int added;

    /**
     * @param model the model the sum is reported under
     * @param provider the provider reported when no call is added; the first added call's provider replaces it, so that
     *     a caller that does not know the endpoint's provider still reports the right one
     */
    public UsageTally(String model, String provider) {
        this.model = model;
        this.provider = provider;
    }

    /** Adds one call's usage; {@code null} (no call was made) adds nothing. */
    public UsageTally add(ModelUsage usage) {
        if (usage == null) {
            return this;
        }
        if (!providerFromUsage) {
            provider = usage.provider();
            providerFromUsage = true;
        }
        latencyMillis += usage.latencyMillis();
        promptTokens += usage.promptTokens();
        completionTokens += usage.completionTokens();
        if (usage.cost() == null) {
            costUnknown = true;
        } else {
            cost += usage.cost();
        }
        added++;
        return this;
    }

    /** How many usages were added. */
    public int added() {
        return added;
    }

    /** The sum so far: zero tokens and a zero cost when nothing was added (no call, nothing spent). */
    public ModelUsage total() {
        return new ModelUsage(
                model,
                provider,
                latencyMillis,
                (int) Math.min(Integer.MAX_VALUE, promptTokens),
                (int) Math.min(Integer.MAX_VALUE, completionTokens),
                costUnknown ? null : cost);
    }
}
