package io.penguin.scenario.planning.persistence;

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

/** One scenario of a planning job: what to publish again after a crash or a dead letter. */
@Entity
@Table(name = "planning_item")
public class PlanningItemEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "planning_item_seq")
    @SequenceGenerator(name = "planning_item_seq", sequenceName = "planning_item_seq", allocationSize = 50)
    public Long id;

    @Column(name = "planning_id", nullable = false)
    public String planningId;

    @Column(name = "scenario_id", nullable = false)
    public String scenarioId;

    /** The scenario's split when the job was accepted. */
    @Column(nullable = false)
    public String split;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanningItemStatus status;

    /** The dead-letter reason, while FAILED. */
    @Column(name = "failure_reason")
    public String failureReason;

    /** How many times the request was published: 1, plus one per re-drive. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
