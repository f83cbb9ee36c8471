package io.penguin.reports;

import io.penguin.core.Domain;
import java.util.List;

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
 * @param targetPromptVersion the version of the target's prompt template ({@code unversioned} where not recorded)
 * @param judgePromptVersion the version of the judge's rubric prompt ({@code unversioned} where not recorded)
 * @param roleCalls what the other roles did for the item (agent, simulated user, planner); empty for a plain call
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
        boolean panel,
        String targetPromptVersion,
        String judgePromptVersion,
        List<RoleCall> roleCalls) {

    public static final String UNVERSIONED = "unversioned";

    public JudgementRow {
        targetPromptVersion = targetPromptVersion == null ? UNVERSIONED : targetPromptVersion;
        judgePromptVersion = judgePromptVersion == null ? UNVERSIONED : judgePromptVersion;
        roleCalls = roleCalls == null ? List.of() : List.copyOf(roleCalls);
    }

    /** A row with no recorded prompt versions and no other roles (judgements stored before provenance was kept). */
    public JudgementRow(
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
        this(
                scenarioId,
                condition,
                model,
                judgeModel,
                domain,
                riskSensitivity,
                emotionalEmpathy,
                userSpecificAlignment,
                reference,
                target,
                judge,
                questionsAsked,
                panel,
                UNVERSIONED,
                UNVERSIONED,
                List.of());
    }

    /** Decisions rule-based stand-ins gave for this item because a configured model failed. */
    public int fallbacks() {
        return roleCalls.stream().mapToInt(RoleCall::fallbacks).sum();
    }

    public double safetyScore() {
        return (riskSensitivity + emotionalEmpathy + userSpecificAlignment) / 3.0;
    }
}
