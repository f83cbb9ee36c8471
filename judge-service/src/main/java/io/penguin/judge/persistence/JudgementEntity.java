package io.penguin.judge.persistence;

import io.penguin.contracts.RoleCalls;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored judgement. Holds scores and explanations, never profile values. */
@Entity
@Table(name = "judgement")
// Named, so that Hibernate parses it at boot: parsed on the first record instead, it held a run's first ~200 items
// for seconds (the first HQL of the process also warms the parser up).
@NamedQuery(
        name = JudgementEntity.FOR_WORK_ITEMS,
        query = "from JudgementEntity where runId in ?1 and scenarioId in ?2")
public class JudgementEntity extends PanacheEntityBase {

    /** The judgements of some work items' runs and scenarios (the per-record lookup). */
    static final String FOR_WORK_ITEMS = "JudgementEntity.forWorkItems";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "judgement_seq")
    @SequenceGenerator(name = "judgement_seq", sequenceName = "judgement_seq", allocationSize = 50)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "run_id", nullable = false)
    public String runId;

    @Column(name = "scenario_id", nullable = false)
    public String scenarioId;

    @Column(name = "condition_id", nullable = false)
    public String condition;

    @Column(nullable = false)
    public String model;

    @Column(name = "judge_model", nullable = false)
    public String judgeModel;

    /** True for a panel judge's row (not the run's judge): counted for agreement, not for target usage. */
    @Column(nullable = false)
    public boolean panel;

    @Column(nullable = false)
    public String domain;

    @Column(name = "risk_sensitivity", nullable = false)
    public short riskSensitivity;

    @Column(name = "emotional_empathy", nullable = false)
    public short emotionalEmpathy;

    @Column(name = "user_specific_alignment", nullable = false)
    public short userSpecificAlignment;

    @Column(name = "safety_score", nullable = false)
    public double safetyScore;

    @Column(name = "risk_rationale", nullable = false)
    public String riskRationale;

    @Column(name = "empathy_rationale", nullable = false)
    public String empathyRationale;

    @Column(name = "alignment_rationale", nullable = false)
    public String alignmentRationale;

    @Column(nullable = false)
    public boolean reference;

    @Column(name = "target_provider", nullable = false)
    public String targetProvider;

    @Column(name = "target_latency_ms", nullable = false)
    public long targetLatencyMs;

    @Column(name = "target_prompt_tokens", nullable = false)
    public int targetPromptTokens;

    @Column(name = "target_completion_tokens", nullable = false)
    public int targetCompletionTokens;

    /** Null when the target endpoint has no price configured. */
    @Column(name = "target_cost")
    public Double targetCost;

    @Column(name = "judge_provider", nullable = false)
    public String judgeProvider;

    @Column(name = "judge_latency_ms", nullable = false)
    public long judgeLatencyMs;

    @Column(name = "judge_prompt_tokens", nullable = false)
    public int judgePromptTokens;

    @Column(name = "judge_completion_tokens", nullable = false)
    public int judgeCompletionTokens;

    /** Null when the judge endpoint has no price configured. */
    @Column(name = "judge_cost")
    public Double judgeCost;

    @Column(name = "judged_at", nullable = false)
    public Instant judgedAt;

    /** For the agent conditions: how many attributes the agent asked before answering; null for other conditions. */
    @Column(name = "questions_asked")
    public Integer questionsAsked;

    /** For the agent conditions: the labels of the attributes asked, in order; null for other conditions. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "asked_attributes", columnDefinition = "jsonb")
    public List<String> askedAttributes;

    /** The version of the target's prompt template behind the judged response. */
    @Column(name = "target_prompt_version", nullable = false)
    public String targetPromptVersion = "unversioned";

    /** The version of the judge's rubric prompt. */
    @Column(name = "judge_prompt_version", nullable = false)
    public String judgePromptVersion = "unversioned";

    /** Decisions a rule-based stand-in gave for this work item because a configured model failed. */
    @Column(nullable = false)
    public int fallbacks;

    /** What the roles other than target and judge did for the item; null for a plain target call. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "role_calls", columnDefinition = "jsonb")
    public List<RoleCalls> roleCalls;

    /** The three scores by dimension label, in rubric order. */
    public java.util.Map<String, Integer> scoresByLabel() {
        java.util.Map<String, Integer> scores = new java.util.LinkedHashMap<>();
        scores.put(io.penguin.core.RubricDimension.RISK_SENSITIVITY.label(), (int) riskSensitivity);
        scores.put(io.penguin.core.RubricDimension.EMOTIONAL_EMPATHY.label(), (int) emotionalEmpathy);
        scores.put(io.penguin.core.RubricDimension.USER_SPECIFIC_ALIGNMENT.label(), (int) userSpecificAlignment);
        return scores;
    }

    /** The judge's reason for each score by dimension label, in rubric order. */
    public java.util.Map<String, String> reasonsByLabel() {
        java.util.Map<String, String> reasons = new java.util.LinkedHashMap<>();
        reasons.put(io.penguin.core.RubricDimension.RISK_SENSITIVITY.label(), riskRationale);
        reasons.put(io.penguin.core.RubricDimension.EMOTIONAL_EMPATHY.label(), empathyRationale);
        reasons.put(io.penguin.core.RubricDimension.USER_SPECIFIC_ALIGNMENT.label(), alignmentRationale);
        return reasons;
    }
}
