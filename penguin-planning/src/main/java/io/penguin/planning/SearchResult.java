package io.penguin.planning;

import io.penguin.core.Attribute;
import java.util.List;

/**
 * The outcome of one MCTS plan.
 *
 * @param path the attributes to ask, in order: the shortest prefix of the best path found that reaches its reward
 * @param reward the reward of knowing the path's attributes (1-5)
 * @param evaluations distinct attribute sets evaluated (each is one target call and one judge call)
 * @param iterations MCTS iterations run
 * @param stoppedEarly whether the search stopped before its rollout limit because its best value was stable
 */
public record SearchResult(List<Attribute> path, double reward, int evaluations, int iterations, boolean stoppedEarly) {

    public SearchResult {
        path = List.copyOf(path);
    }
}
