package io.penguin.scenario.planning.rest;

import java.util.List;

/**
 * {@code POST /plannings}: which scenarios to plan (like a run's selection) and the search's settings. The selection
 * must be explicit: {@code scenarioIds}, or at least one of {@code split}, {@code source}, {@code domains},
 * {@code issues} (an empty body is refused rather than planning the whole train split). The settings default to
 * {@code penguin.planning.*} (budget 3); every number is bounded ({@code PlanningLimits}), every model must be
 * configured.
 *
 * @param scenarioIds exact scenarios; when given, the filters are ignored
 * @param domains domain labels
 * @param issues issue names
 * @param split {@code train} (default once anything is selected), {@code test} or {@code any}
 * @param source {@code builtin}, {@code generated}, {@code imported} or {@code any} (default)
 * @param sample draw this many at random among the matches (1 to 50,000)
 * @param sampleSeed the sample's seed
 * @param limit at most this many (1 to 50,000)
 * @param budget the most attributes a path may ask (1 to 10)
 * @param rollouts the most MCTS iterations per scenario (1 to 10,000)
 * @param exploration the UCT exploration constant (0 to 10)
 * @param seed the search seed
 * @param exhaustive also compute the exhaustive best
 * @param model the target model of the reward (a configured target)
 * @param judgeModel the judge of the reward (a configured judge)
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
