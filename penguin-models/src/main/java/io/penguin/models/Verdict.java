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
 * @param promptVersion the rubric version that produced it ({@link JudgeModel#promptVersion()})
 */
public record Verdict(
        RubricScores scores, Map<RubricDimension, String> rationale, ModelUsage usage, String promptVersion) {

    public Verdict {
        rationale = Map.copyOf(rationale);
    }

    /** A verdict from a judge that names no rubric version. */
    public Verdict(RubricScores scores, Map<RubricDimension, String> rationale, ModelUsage usage) {
        this(scores, rationale, usage, JudgeModel.UNVERSIONED);
    }
}
