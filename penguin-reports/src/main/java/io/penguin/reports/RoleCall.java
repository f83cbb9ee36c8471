package io.penguin.reports;

/**
 * What one role other than target and judge did for a work item, as the report reads it (the agent, the simulated
 * user, the planner behind the retrieved paths).
 *
 * @param role {@code agent}, {@code user-simulator}, {@code planner-target}, {@code planner-judge}
 * @param model the model that played it
 * @param reference true for an offline rule-based reference model
 * @param calls decisions or answers it gave for the item (0 for a provenance-only entry)
 * @param fallbacks of those, how many a rule-based stand-in gave because the configured model failed
 * @param usage summed cost of its calls; null for a provenance-only entry
 */
public record RoleCall(String role, String model, boolean reference, int calls, int fallbacks, CallUsage usage) {}
