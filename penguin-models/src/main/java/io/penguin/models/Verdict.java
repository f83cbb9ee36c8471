package io.penguin.models;

import io.penguin.contracts.ModelUsage;
import io.penguin.core.RubricDimension;
import io.penguin.core.RubricScores;
import java.util.Map;

/**
 * A judge's scores with one explanation per dimension. Explanations name attributes, never their values.
 *
 * @param scores the three 1-5 scores
 * @param rationale why each score, per dimension
 * @param usage what the judge call cost
 */
public record Verdict(RubricScores scores, Map<RubricDimension, String> rationale, ModelUsage usage) {

    public Verdict {
        rationale = Map.copyOf(rationale);
    }
}
