package io.penguin.planner.planning.rest;

import io.penguin.core.Attribute;
import io.penguin.planning.RewardModels;
import io.penguin.planning.RoleUsage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One stored plan: path, reward, the models behind the reward (rule-based ones flagged), the exhaustive best where
 * computed, the search's cost (time, and the reward's model calls per role). No profile values.
 */
public record PlanView(
        String scenarioId,
        String domain,
        String split,
        List<Attribute> path,
        double reward,
        RewardModels rewardModels,
        List<Attribute> exhaustiveBest,
        Double exhaustiveReward,
        Integer exhaustiveEvaluations,
        int evaluations,
        int iterations,
        boolean stoppedEarly,
        int budget,
        long seed,
        long millis,
        List<RoleUsage> usage,
        UUID policyEventId,
        Instant plannedAt) {}
