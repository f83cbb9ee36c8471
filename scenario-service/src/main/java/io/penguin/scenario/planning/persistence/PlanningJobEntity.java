package io.penguin.scenario.planning.persistence;

import io.penguin.contracts.PlanningSettings;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A planning job as accepted by {@code POST /plannings}: its size, settings and publishing status. */
@Entity
@Table(name = "planning_job")
public class PlanningJobEntity extends PanacheEntityBase {

    @Id
    public String id;

    /** How many scenarios the job plans. */
    @Column(nullable = false)
    public int total;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public PlanningSettings settings;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanningJobStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
