package io.penguin.planning;

import io.penguin.core.Attribute;
import java.util.List;

/**
 * The exhaustive baseline: every set of at most the budget's size, evaluated.
 *
 * @param best the best set (the smallest among equally good ones), in attribute order
 * @param reward its reward
 * @param evaluations the sets evaluated (all of them)
 */
public record ExhaustiveResult(List<Attribute> best, double reward, int evaluations) {

    public ExhaustiveResult {
        best = List.copyOf(best);
    }
}
