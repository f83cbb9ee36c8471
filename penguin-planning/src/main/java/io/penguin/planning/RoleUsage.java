package io.penguin.planning;

import io.penguin.contracts.ModelUsage;

/**
 * What one of the planner's roles spent: the reward's target ({@code planner-target}) or judge ({@code planner-judge})
 * calls, for one plan or summed over a planning job. Cache hits count as calls that cost nothing.
 *
 * @param role {@code planner-target} or {@code planner-judge}
 * @param model the configured model that played it
 * @param calls model calls made
 * @param promptTokens prompt tokens, as reported (estimated for the reference models)
 * @param completionTokens completion tokens
 * @param cost in the endpoint's price units; {@code null} when any call's cost is unknown (no price configured)
 */
public record RoleUsage(String role, String model, long calls, long promptTokens, long completionTokens, Double cost) {

    public static final String TARGET = "planner-target";
    public static final String JUDGE = "planner-judge";

    /** Nothing spent yet by a role. */
    public static RoleUsage none(String role, String model) {
        return new RoleUsage(role, model, 0, 0, 0, 0.0);
    }

    /** This usage plus one call's. */
    public RoleUsage plus(ModelUsage call) {
        if (call == null) {
            return this;
        }
        return new RoleUsage(
                role,
                model,
                calls + 1,
                promptTokens + call.promptTokens(),
                completionTokens + call.completionTokens(),
                cost == null || call.cost() == null ? null : cost + call.cost());
    }

    /** This usage plus another of the same role and model (summing plans). */
    public RoleUsage plus(RoleUsage other) {
        return new RoleUsage(
                role,
                model,
                calls + other.calls,
                promptTokens + other.promptTokens,
                completionTokens + other.completionTokens,
                cost == null || other.cost == null ? null : cost + other.cost);
    }
}
