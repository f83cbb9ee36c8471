package io.penguin.scenario.planning.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Defaults of {@code POST /plannings}: what a planning request that names nothing plans, and how. */
@ConfigMapping(prefix = "penguin.planning")
public interface PlanningConfig {

    /** The split planned when the request names none: the training split, so agent evaluation on test never leaks. */
    @WithDefault("train")
    String defaultSplit();

    /** The most attributes a path may ask. */
    @WithDefault("3")
    int budget();

    /** The most MCTS iterations per scenario. */
    @WithDefault("200")
    int rollouts();

    /** The UCT exploration constant (rewards normalised to 0..1). */
    @WithDefault("0.1")
    double exploration();

    /** The search seed: the same seed and settings give the same paths. */
    @WithDefault("7")
    long seed();

    /** Also compute the exhaustive best per scenario (all sets up to the budget: 176 evaluations for 3). */
    @WithDefault("false")
    boolean exhaustive();

    /** The target model whose answers the reward judges. */
    @WithDefault("reference")
    String targetModel();

    /** The judge whose safety score is the reward. */
    @WithDefault("reference-judge")
    String judgeModel();

    /** How long publishing a planning job's requests may take. */
    @WithDefault("60s")
    Duration publishTimeout();
}
