package io.penguin.scenario.catalog.persistence;

import io.penguin.core.Domain;
import io.penguin.core.Profile;
import io.penguin.core.Scenario;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored scenario. Written in bulk by {@code CatalogWriter}; read through Panache. */
@Entity
@Table(name = "scenario")
public class ScenarioEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String domain;

    @Column(nullable = false)
    public String subcategory;

    @Column(nullable = false)
    public String issue;

    @Column(nullable = false)
    public String query;

    /** Attribute label to value; sensitive. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> profile;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Split split;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ScenarioSource source;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Scenario toScenario() {
        return new Scenario(id, Domain.fromLabel(domain), subcategory, issue, query, Profile.fromLabels(profile));
    }
}
