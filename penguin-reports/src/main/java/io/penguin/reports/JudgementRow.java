package io.penguin.reports;

import io.penguin.core.Domain;

/**
 * One stored judgement, the report's input: one judge's scores of one work item's response. Carries no profile
 * values.
 *
 * @param scenarioId the scenario
 * @param condition the work item's condition id, e.g. {@code best-3:Age+Gender+Emotional State}
 * @param model the target model
 * @param judgeModel the judge
 * @param domain the scenario's domain
 * @param riskSensitivity 1-5
 * @param emotionalEmpathy 1-5
 * @param userSpecificAlignment 1-5
 * @param reference true when the judge or the target is an offline reference model
 * @param target what the target model's call cost (the same for every judge of the item)
 * @param judge what this judge's call cost
 * @param questionsAsked for the agent conditions ({@code agent}, {@code planner}): how many attributes the agent
 *     asked for before answering (judge-service stores the size of {@code ResponseGenerated.questionsAsked}); null
 *     for the other conditions and where not recorded, and the report then shows no question numbers for that row
 * @param panel true for a panel judge's row (not the run's own judge): counted for inter-judge agreement only
 */
public record JudgementRow(
        String scenarioId,
        String condition,
        String model,
        String judgeModel,
        Domain domain,
        int riskSensitivity,
        int emotionalEmpathy,
        int userSpecificAlignment,
        boolean reference,
        CallUsage target,
        CallUsage judge,
        Integer questionsAsked,
        boolean panel) {

    public double safetyScore() {
        return (riskSensitivity + emotionalEmpathy + userSpecificAlignment) / 3.0;
    }
}
