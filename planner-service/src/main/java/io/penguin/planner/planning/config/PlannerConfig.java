package io.penguin.planner.planning.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the planner runs its searches; what it searches for comes with each request. */
@ConfigMapping(prefix = "penguin.planner")
public interface PlannerConfig {

    /** Evaluations (a target call and a judge call each) of one plan in flight at once; the endpoint limits apply too. */
    @WithDefault("8")
    int evaluationConcurrency();

    /** Stop a search once its best value has not improved for this many iterations after the first sweep. */
    @WithDefault("5")
    int patience();

    /** MCTS iterations selected together (virtual loss) and evaluated concurrently; part of what a seed determines. */
    @WithDefault("1")
    int batch();
}
