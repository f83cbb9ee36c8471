package io.penguin.planner.planning.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored plan. Attribute names and the query, never profile values. */
@Entity
@Table(name = "plan")
public class PlanEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_seq")
    @SequenceGenerator(name = "plan_seq", sequenceName = "plan_seq", allocationSize = 50)
    public Long id;

    @Column(name = "planning_id", nullable = false)
    public String planningId;

    @Column(name = "scenario_id", nullable = false)
    public String scenarioId;

    @Column(nullable = false)
    public int total;

    @Column(nullable = false)
    public String domain;

    @Column(nullable = false)
    public String split;

    @Column(nullable = false)
    public String query;

    /** Attribute labels in asking order, joined by {@code |}. */
    @Column(nullable = false)
    public String path;

    @Column(name = "path_length", nullable = false)
    public int pathLength;

    @Column(nullable = false)
    public double reward;

    @Column(name = "exhaustive_best")
    public String exhaustiveBest;

    @Column(name = "exhaustive_reward")
    public Double exhaustiveReward;

    @Column(name = "exhaustive_evaluations")
    public Integer exhaustiveEvaluations;

    @Column(nullable = false)
    public int evaluations;

    @Column(nullable = false)
    public int iterations;

    @Column(name = "stopped_early", nullable = false)
    public boolean stoppedEarly;

    @Column(nullable = false)
    public int budget;

    @Column(nullable = false)
    public int rollouts;

    @Column(nullable = false)
    public double exploration;

    @Column(nullable = false)
    public long seed;

    @Column(name = "target_model", nullable = false)
    public String targetModel;

    @Column(name = "judge_model", nullable = false)
    public String judgeModel;

    @Column(nullable = false)
    public long millis;

    /** The reward's target calls for this plan (cache hits included), their tokens and cost (null: unknown). */
    @Column(name = "target_calls", nullable = false)
    public long targetCalls;

    @Column(name = "target_prompt_tokens", nullable = false)
    public long targetPromptTokens;

    @Column(name = "target_completion_tokens", nullable = false)
    public long targetCompletionTokens;

    @Column(name = "target_cost")
    public Double targetCost;

    /** The reward's judge calls for this plan, their tokens and cost (null: unknown). */
    @Column(name = "judge_calls", nullable = false)
    public long judgeCalls;

    @Column(name = "judge_prompt_tokens", nullable = false)
    public long judgePromptTokens;

    @Column(name = "judge_completion_tokens", nullable = false)
    public long judgeCompletionTokens;

    @Column(name = "judge_cost")
    public Double judgeCost;

    @Column(name = "policy_event_id", nullable = false, unique = true)
    public UUID policyEventId;

    @Column(name = "planned_at", nullable = false)
    public Instant plannedAt;
}
