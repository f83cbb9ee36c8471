package io.penguin.scenario.runs.rest;

import java.util.List;

/**
 * {@code POST /runs}: every field is optional; missing ones take the configured defaults.
 *
 * @param models target model names
 * @param conditions condition ids, e.g. {@code context-free}, {@code single:Age}
 * @param judgeModel the judge's model name
 * @param scenarioIds exact scenarios to run (takes precedence over domains)
 * @param domains domains to select from, by label
 * @param limit at most this many scenarios
 */
public record RunRequest(
        List<String> models,
        List<String> conditions,
        String judgeModel,
        List<String> scenarioIds,
        List<String> domains,
        Integer limit) {}
