package io.penguin.planning;

import java.util.ArrayList;
import java.util.List;

/** Tries every set of at most {@code budget} attributes; the validation baseline of the tree search. */
public final class ExhaustiveSearch {

    private ExhaustiveSearch() {}

    public static ExhaustiveResult best(MemoizedReward reward, int budget) {
        List<Integer> masks = new ArrayList<>();
        for (int mask = 0; mask < 1 << AttributeSets.ALL.length; mask++) {
            if (Integer.bitCount(mask) <= budget) {
                masks.add(mask);
            }
        }
        // Smaller sets first, so that among equally good sets the smallest wins.
        masks.sort((a, b) -> Integer.bitCount(a) != Integer.bitCount(b)
                ? Integer.compare(Integer.bitCount(a), Integer.bitCount(b))
                : Integer.compare(a, b));
        reward.prefetch(masks);
        int best = masks.get(0);
        double bestReward = reward.reward(best);
        for (int mask : masks) {
            double value = reward.reward(mask);
            if (value > bestReward + MctsPlanner.EPSILON) {
                best = mask;
                bestReward = value;
            }
        }
        return new ExhaustiveResult(List.copyOf(AttributeSets.toSet(best)), bestReward, masks.size());
    }
}
