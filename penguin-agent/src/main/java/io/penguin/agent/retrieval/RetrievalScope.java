package io.penguin.agent.retrieval;

import java.util.Optional;
import java.util.Set;

/**
 * Which planned policies a retrieval may see.
 *
 * @param splits the scenario splits whose policies count (the evaluation's test split must never see its own plans,
 *     so the default is {@code train} only)
 * @param excludedScenarioId the scenario being answered, whose own plan would be a leak; empty for live users
 */
public record RetrievalScope(Set<String> splits, Optional<String> excludedScenarioId) {

    public RetrievalScope {
        splits = Set.copyOf(splits);
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("retrieval scope: at least one split is needed");
        }
        excludedScenarioId = excludedScenarioId == null ? Optional.empty() : excludedScenarioId;
    }

    public static RetrievalScope live(Set<String> splits) {
        return new RetrievalScope(splits, Optional.empty());
    }

    public RetrievalScope excluding(String scenarioId) {
        return new RetrievalScope(splits, Optional.of(scenarioId));
    }

    boolean admits(String scenarioId, String split) {
        return splits.contains(split)
                && !excludedScenarioId.map(scenarioId::equals).orElse(false);
    }
}
