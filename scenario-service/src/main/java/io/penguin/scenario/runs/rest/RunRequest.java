package io.penguin.scenario.runs.rest;

import java.util.List;

/**
 * {@code POST /runs}: every field is optional; missing ones take the configured defaults.
 *
 * @param models target model names
 * @param conditions condition ids, e.g. {@code context-free}, {@code single:Age}
 * @param judgeModel the judge's model name
 * @param scenarioIds exact scenarios to run (takes precedence over every filter below)
 * @param domains domains to select from, by label
 * @param limit at most this many scenarios
 * @param issues taxonomy issues to select from
 * @param split {@code train} or {@code test}
 * @param source {@code builtin}, {@code generated}, {@code imported} or {@code any}; default
 *     {@code penguin.runs.default-source}
 * @param sample draw this many scenarios at random among the matches
 * @param seed the sample's seed (default 0): the same seed draws the same scenarios
 */
public record RunRequest(
        List<String> models,
        List<String> conditions,
        String judgeModel,
        List<String> scenarioIds,
        List<String> domains,
        Integer limit,
        List<String> issues,
        String split,
        String source,
        Integer sample,
        Long seed) {

    public static RunRequest empty() {
        return new RunRequest(null, null, null, null, null, null, null, null, null, null, null);
    }
}
