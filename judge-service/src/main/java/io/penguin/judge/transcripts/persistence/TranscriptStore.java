package io.penguin.judge.transcripts.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code transcript} table, through plain SQL: rows are written once per work item (a redelivered response adds
 * nothing: {@code on conflict do nothing}), read by work item, and deleted by run or by age.
 */
@ApplicationScoped
public class TranscriptStore {

    private static final String COLUMNS = "run_id, scenario_id, condition_id, model, issue, query, profile, visible,"
            + " response, dialogue, prompt_version, role_calls, stored_at";

    private final EntityManager entities;

    public TranscriptStore(EntityManager entities) {
        this.entities = entities;
    }

    /** Inserts the rows that are not stored yet, in one statement per row of one transaction; returns how many. */
    public int insertNew(List<TranscriptRow> rows) {
        int inserted = 0;
        for (TranscriptRow row : rows) {
            Query insert = entities.createNativeQuery("insert into transcript (id, " + COLUMNS + ")"
                    + " values (nextval('transcript_seq'), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
                    + " on conflict on constraint transcript_identity do nothing");
            insert.setParameter(1, row.runId());
            insert.setParameter(2, row.scenarioId());
            insert.setParameter(3, row.condition());
            insert.setParameter(4, row.model());
            insert.setParameter(5, row.issue());
            insert.setParameter(6, row.query());
            insert.setParameter(7, row.profile());
            insert.setParameter(8, row.visible());
            insert.setParameter(9, row.response());
            insert.setParameter(10, row.dialogue());
            insert.setParameter(11, row.promptVersion());
            insert.setParameter(12, row.roleCalls());
            insert.setParameter(13, Timestamp.from(row.storedAt()));
            inserted += insert.executeUpdate();
        }
        return inserted;
    }

    /** The transcripts of one scenario in a run, every condition and model. */
    public List<TranscriptRow> ofScenario(String runId, String scenarioId) {
        return rows(entities.createNativeQuery("select " + COLUMNS + " from transcript where run_id = ?1 and"
                        + " scenario_id = ?2 order by condition_id, model")
                .setParameter(1, runId)
                .setParameter(2, scenarioId)
                .getResultList());
    }

    public Optional<TranscriptRow> of(String runId, String scenarioId, String condition, String model) {
        return ofScenario(runId, scenarioId).stream()
                .filter(row -> row.condition().equals(condition) && row.model().equals(model))
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    public List<String> scenariosOfIssue(String runId, String issue) {
        return entities.createNativeQuery(
                        "select distinct scenario_id from transcript where run_id = ?1 and issue = ?2")
                .setParameter(1, runId)
                .setParameter(2, issue)
                .getResultList();
    }

    /** One page of a run's transcripts, in work-item order, for the export. */
    public List<TranscriptRow> page(String runId, int offset, int limit) {
        return rows(entities.createNativeQuery("select " + COLUMNS + " from transcript where run_id = ?1"
                        + " order by scenario_id, condition_id, model offset ?2 limit ?3")
                .setParameter(1, runId)
                .setParameter(2, offset)
                .setParameter(3, limit)
                .getResultList());
    }

    public int deleteRun(String runId) {
        return entities.createNativeQuery("delete from transcript where run_id = ?1")
                .setParameter(1, runId)
                .executeUpdate();
    }

    public int deleteOlderThan(Instant cutoff) {
        return entities.createNativeQuery("delete from transcript where stored_at < ?1")
                .setParameter(1, Timestamp.from(cutoff))
                .executeUpdate();
    }

    public long countRun(String runId) {
        return ((Number) entities.createNativeQuery("select count(*) from transcript where run_id = ?1")
                        .setParameter(1, runId)
                        .getSingleResult())
                .longValue();
    }

    private static List<TranscriptRow> rows(List<?> result) {
        List<TranscriptRow> rows = new ArrayList<>(result.size());
        for (Object item : result) {
            Object[] c = (Object[]) item;
            rows.add(new TranscriptRow(
                    (String) c[0],
                    (String) c[1],
                    (String) c[2],
                    (String) c[3],
                    (String) c[4],
                    (String) c[5],
                    (String) c[6],
                    (String) c[7],
                    (String) c[8],
                    (String) c[9],
                    (String) c[10],
                    (String) c[11],
                    instant(c[12])));
        }
        return rows;
    }

    /** A native query's timestamp column as an instant, whichever type the driver returns. */
    public static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException(
                "unexpected timestamp type " + value.getClass().getName());
    }
}
