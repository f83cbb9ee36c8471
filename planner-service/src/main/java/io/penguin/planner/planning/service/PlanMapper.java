package io.penguin.planner.planning.service;

import io.penguin.contracts.PolicyPublished;
import io.penguin.core.Attribute;
import io.penguin.planner.planning.persistence.PlanEntity;
import io.penguin.planning.PlanOutcome;
import io.penguin.planning.RoleUsage;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Between stored plans and the wire: the policy event and the report's outcome. */
public final class PlanMapper {

    private static final String SEPARATOR = "|";

    private PlanMapper() {}

    public static String join(List<Attribute> path) {
        return path.stream().map(Attribute::label).collect(Collectors.joining(SEPARATOR));
    }

    public static List<Attribute> split(String path) {
        return path == null || path.isEmpty()
                ? List.of()
                : Arrays.stream(path.split("\\" + SEPARATOR))
                        .map(Attribute::fromLabel)
                        .toList();
    }

    public static PolicyPublished toPolicy(PlanEntity plan) {
        return new PolicyPublished(
                plan.policyEventId,
                PolicyPublished.TYPE,
                PolicyPublished.SCHEMA_VERSION,
                plan.plannedAt,
                plan.scenarioId,
                plan.planningId,
                plan.domain,
                plan.split,
                plan.query,
                split(plan.path),
                plan.reward,
                plan.budget,
                plan.targetModel,
                plan.judgeModel,
                plan.evaluations);
    }

    public static PlanOutcome toOutcome(PlanEntity plan) {
        return new PlanOutcome(
                plan.domain,
                split(plan.path),
                plan.reward,
                plan.exhaustiveReward,
                plan.evaluations,
                plan.exhaustiveEvaluations);
    }

    /** The plan's usage entries: the reward's target calls, then its judge calls. */
    public static List<RoleUsage> usage(PlanEntity plan) {
        return List.of(
                new RoleUsage(
                        RoleUsage.TARGET,
                        plan.targetModel,
                        plan.targetCalls,
                        plan.targetPromptTokens,
                        plan.targetCompletionTokens,
                        plan.targetCost),
                new RoleUsage(
                        RoleUsage.JUDGE,
                        plan.judgeModel,
                        plan.judgeCalls,
                        plan.judgePromptTokens,
                        plan.judgeCompletionTokens,
                        plan.judgeCost));
    }

    /** Stores what the search's reward calls cost on the plan. */
    public static void recordUsage(PlanEntity plan, List<RoleUsage> usage) {
        for (RoleUsage role : usage) {
            if (role.role().equals(RoleUsage.TARGET)) {
                plan.targetCalls = role.calls();
                plan.targetPromptTokens = role.promptTokens();
                plan.targetCompletionTokens = role.completionTokens();
                plan.targetCost = role.cost();
            } else if (role.role().equals(RoleUsage.JUDGE)) {
                plan.judgeCalls = role.calls();
                plan.judgePromptTokens = role.promptTokens();
                plan.judgeCompletionTokens = role.completionTokens();
                plan.judgeCost = role.cost();
            }
        }
    }
}
