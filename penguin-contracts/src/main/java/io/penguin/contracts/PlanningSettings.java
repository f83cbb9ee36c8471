package io.penguin.contracts;

/**
 * How to plan: the search's parameters and the models whose judgement is the reward.
 *
 * @param budget the most attributes a path may ask (default 3)
 * @param rollouts the most MCTS iterations
 * @param exploration the UCT exploration constant
 * @param seed the search seed: the same seed and settings give the same path
 * @param exhaustive also compute the exhaustive best, to validate the search
 * @param targetModel the model that answers with the known attributes
 * @param judgeModel the judge that scores the answer against the full profile
 */
public record PlanningSettings(
        int budget,
        int rollouts,
        double exploration,
        long seed,
        boolean exhaustive,
        String targetModel,
        String judgeModel) {

    public PlanningSettings {
        if (budget < 1 || budget > 10) {
            throw new IllegalArgumentException("settings.budget must be between 1 and 10, was " + budget);
        }
        if (rollouts < 1) {
            throw new IllegalArgumentException("settings.rollouts must be at least 1, was " + rollouts);
        }
        if (!(exploration >= 0) || Double.isInfinite(exploration)) {
            throw new IllegalArgumentException("settings.exploration must be a finite number >= 0");
        }
        Events.requireText(targetModel, "settings.targetModel");
        Events.requireText(judgeModel, "settings.judgeModel");
    }
}
