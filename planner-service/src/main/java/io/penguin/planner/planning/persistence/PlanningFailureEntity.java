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

/** A planning request that was dead-lettered, and why. Ids and the reason only. */
@Entity
@Table(name = "planning_failure")
public class PlanningFailureEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "planning_failure_seq")
    @SequenceGenerator(name = "planning_failure_seq", sequenceName = "planning_failure_seq", allocationSize = 50)
    public Long id;

    @Column(name = "planning_id", nullable = false)
    public String planningId;

    @Column(name = "scenario_id", nullable = false)
    public String scenarioId;

    @Column(nullable = false)
    public int total;

    @Column(nullable = false)
    public String reason;

    @Column(name = "failed_at", nullable = false)
    public Instant failedAt;
}
