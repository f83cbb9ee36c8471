package io.penguin.scenario.catalog.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A generation job as stored: its request, progress and outcome; the rejection report as JSON text. */
@Entity
@Table(name = "generation_job")
public class WritingJobEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String status;

    /** The endpoint that wrote the scenarios, or {@code offline}. */
    @Column(nullable = false)
    public String model;

    @Column(nullable = false)
    public long seed;

    @Column(name = "profiles_per_issue", nullable = false)
    public int profilesPerIssue;

    @Column(name = "queries_per_profile", nullable = false)
    public int queriesPerProfile;

    @Column(nullable = false)
    public int issues;

    @Column(name = "issues_done", nullable = false)
    public int issuesDone;

    @Column(nullable = false)
    public long generated;

    @Column(nullable = false)
    public long written;

    @Column(nullable = false)
    public long duplicates;

    @Column(columnDefinition = "text")
    public String rejections;

    @Column(columnDefinition = "text")
    public String error;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
