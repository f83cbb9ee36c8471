package io.penguin.scenario.runs.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "run")
public class RunEntity extends PanacheEntityBase {

    @Id
    public String id;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> models;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> conditions;

    @Column(name = "judge_model", nullable = false)
    public String judgeModel;

    /** Further judges scoring every response, for inter-judge agreement. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "panel_judges", nullable = false, columnDefinition = "jsonb")
    public List<String> panelJudges;

    /** Draws random-3 attributes and the best-3 sample: the same seed, the same work items. */
    @Column(nullable = false)
    public long seed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunStatus status;

    @Column(name = "total_items", nullable = false)
    public int totalItems;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
