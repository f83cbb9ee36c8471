package io.penguin.planner.planning.service;

import io.penguin.contracts.PolicyPublished;
import io.penguin.core.Attribute;
import io.penguin.planner.planning.persistence.PlanEntity;
import io.penguin.planning.PlanOutcome;
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
}
