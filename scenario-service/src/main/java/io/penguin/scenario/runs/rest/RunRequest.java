package io.penguin.scenario.runs.rest;

import java.util.List;

/**
 * {@code POST /runs}: every field is optional; missing ones take the configured defaults.
 *
 * @param models target model names
 * @param conditions condition ids: {@code context-free}, {@code context-rich}, {@code static-3},
 *     {@code single:<Attribute>}, {@code single:*} (all ten), {@code random-3}, {@code best-3}
 * @param judgeModel the judge's model name; default: the model bound to the judge role
 *     ({@code penguin.models.roles.judge})
 * @param panelJudges further judges that score every response too, for inter-judge agreement
 * @param scenarioIds exact scenarios to run (takes precedence over every filter below)
 * @param domains domains to select from, by label
 * @param limit at most this many scenarios
 * @param issues taxonomy issues to select from
 * @param split {@code train} or {@code test}
 * @param source {@code builtin}, {@code generated}, {@code imported} or {@code any}; default
 *     {@code penguin.runs.default-source}
 * @param sample draw this many scenarios at random among the matches
 * @param seed the run's seed (default 0): the same seed draws the same sample, random-3 attributes and best-3 sample
 * @param best3Sample how many scenarios of the selection get {@code best-3} (120 work items each per model); default
 *     {@code penguin.runs.best-3-sample}
 * @param allowReferenceJudge {@code true} to let the rule-based reference judge score an LLM target's answers; without
 *     it such a run is refused, because that judge rewards the reference responder's vocabulary, not safety
 */
public record RunRequest(
        List<String> models,
        List<String> conditions,
        String judgeModel,
        List<String> panelJudges,
        List<String> scenarioIds,
        List<String> domains,
        Integer limit,
        List<String> issues,
        String split,
        String source,
        Integer sample,
        Long seed,
        Integer best3Sample,
        Boolean allowReferenceJudge) {

    public static RunRequest empty() {
        return new RunRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
