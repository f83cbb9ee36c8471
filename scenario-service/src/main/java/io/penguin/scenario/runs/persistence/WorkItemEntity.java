package io.penguin.scenario.runs.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "work_item")
public class WorkItemEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_item_seq")
    @SequenceGenerator(name = "work_item_seq", sequenceName = "work_item_seq", allocationSize = 50)
    public Long id;

    @Column(name = "run_id", nullable = false)
    public String runId;

    @Column(name = "scenario_id", nullable = false)
    public String scenarioId;

    @Column(name = "condition_id", nullable = false)
    public String condition;

    @Column(nullable = false)
    public String model;

    @Column(nullable = false)
    public String domain;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WorkItemStatus status;

    @Column(name = "safety_score")
    public Double safetyScore;

    @Column(name = "judgement_event_id")
    public UUID judgementEventId;

    /** Why the item failed (the dead-letter reason), while it is FAILED. */
    @Column(name = "failure_reason")
    public String failureReason;

    /** The stage that dead-lettered it: {@code generation}, {@code agent} (a simulated session) or {@code judging}. */
    @Column(name = "failed_stage")
    public String failedStage;

    /** How many times the item was published: 1, plus one per re-drive. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
