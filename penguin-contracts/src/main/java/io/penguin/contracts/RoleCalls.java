package io.penguin.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What one role other than the target and the judge did for a work item (the RAISE agent, the simulated user, the
 * planner behind the retrieved paths): who played it, whether that was a rule-based stand-in, and what it cost.
 *
 * @param role the role's configuration name: {@code agent}, {@code user-simulator}, {@code planner-target},
 *     {@code planner-judge}
 * @param model the model that played it
 * @param reference true when the model is an offline rule-based reference model
 * @param calls the decisions or answers it gave for this item (0 for a provenance-only entry such as the planner's)
 * @param fallbacks of those, how many the rule-based stand-in gave instead because the configured model failed
 * @param usage the summed cost of its model calls; {@code null} for a provenance-only entry
 */
public record RoleCalls(String role, String model, boolean reference, int calls, int fallbacks, ModelUsage usage) {

    @JsonCreator
    public RoleCalls {
        Events.requireText(role, "roleCalls.role");
        Events.requireText(model, "roleCalls.model");
        if (calls < 0 || fallbacks < 0 || fallbacks > calls) {
            throw new IllegalArgumentException(
                    "roleCalls: calls and fallbacks must satisfy 0 <= fallbacks <= calls, were " + calls + " and "
                            + fallbacks);
        }
    }
}
