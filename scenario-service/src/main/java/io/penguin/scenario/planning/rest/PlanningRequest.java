package io.penguin.scenario.planning.rest;

import java.util.List;

/**
 * {@code POST /plannings}: which scenarios to plan (like a run's selection) and the search's settings. Every field is
 * optional; the defaults come from {@code penguin.planning.*} (the train split, budget 3).
 *
 * @param scenarioIds exact scenarios; when given, the filters are ignored
 * @param domains domain labels
 * @param issues issue names
 * @param split {@code train} (default), {@code test} or {@code any}
 * @param source {@code builtin}, {@code generated}, {@code imported} or {@code any} (default)
 * @param sample draw this many at random among the matches
 * @param sampleSeed the sample's seed
 * @param limit at most this many
 * @param budget the most attributes a path may ask
 * @param rollouts the most MCTS iterations per scenario
 * @param exploration the UCT exploration constant
 * @param seed the search seed
 * @param exhaustive also compute the exhaustive best
 * @param model the target model of the reward
 * @param judgeModel the judge of the reward
 */
public record PlanningRequest(
        List<String> scenarioIds,
        List<String> domains,
        List<String> issues,
        String split,
        String source,
        Integer sample,
        Long sampleSeed,
        Integer limit,
        Integer budget,
        Integer rollouts,
        Double exploration,
        Long seed,
        Boolean exhaustive,
        String model,
        String judgeModel) {}
