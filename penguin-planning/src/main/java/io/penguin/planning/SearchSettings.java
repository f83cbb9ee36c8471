package io.penguin.planning;

/**
 * What one plan searches with. The path found depends on these and nothing else (not on timing or concurrency).
 *
 * @param budget the most attributes to ask (the path's maximum length)
 * @param rollouts the most MCTS iterations (each expands one node and rolls out to the budget)
 * @param exploration the UCT exploration constant (rewards are normalised to 0..1 first; the reference code's 1.3
 *     explores far more than this reward's 1/12 steps need)
 * @param seed the seed of the action order and the random rollouts
 * @param patience stop once the best value found has not improved for this many iterations; 0 never stops early
 * @param batch iterations selected together (with virtual loss) whose evaluations run concurrently
 */
public record SearchSettings(int budget, int rollouts, double exploration, long seed, int patience, int batch) {

    public static final int DEFAULT_BUDGET = 3;
    public static final int DEFAULT_ROLLOUTS = 200;
    public static final double DEFAULT_EXPLORATION = 0.1;
    public static final int DEFAULT_PATIENCE = 5;
    public static final int DEFAULT_BATCH = 1;

    public SearchSettings {
        if (budget < 1 || budget > AttributeSets.ALL.length) {
            throw new IllegalArgumentException(
                    "budget must be between 1 and " + AttributeSets.ALL.length + ", was " + budget);
        }
        if (rollouts < 1) {
            throw new IllegalArgumentException("rollouts must be at least 1, was " + rollouts);
        }
        if (!(exploration >= 0) || Double.isInfinite(exploration)) {
            throw new IllegalArgumentException("exploration must be a finite number >= 0, was " + exploration);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be 0 or more, was " + patience);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, was " + batch);
        }
    }

    public static SearchSettings defaults(long seed) {
        return new SearchSettings(
                DEFAULT_BUDGET, DEFAULT_ROLLOUTS, DEFAULT_EXPLORATION, seed, DEFAULT_PATIENCE, DEFAULT_BATCH);
    }

    public SearchSettings withBudget(int value) {
        return new SearchSettings(value, rollouts, exploration, seed, patience, batch);
    }

    public SearchSettings withRollouts(int value) {
        return new SearchSettings(budget, value, exploration, seed, patience, batch);
    }

    public SearchSettings withPatience(int value) {
        return new SearchSettings(budget, rollouts, exploration, seed, value, batch);
    }

    public SearchSettings withBatch(int value) {
        return new SearchSettings(budget, rollouts, exploration, seed, patience, value);
    }

    public SearchSettings withExploration(double value) {
        return new SearchSettings(budget, rollouts, value, seed, patience, batch);
    }

    public SearchSettings withSeed(long value) {
        return new SearchSettings(budget, rollouts, exploration, value, patience, batch);
    }
}
