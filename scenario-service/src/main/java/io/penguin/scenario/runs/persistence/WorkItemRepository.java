package io.penguin.scenario.runs.persistence;

import io.penguin.contracts.JudgementRecorded;
import io.penguin.contracts.WorkItemId;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

@ApplicationScoped
public class WorkItemRepository implements PanacheRepository<WorkItemEntity> {

    public Optional<WorkItemEntity> findByIdentity(WorkItemId item) {
        return find(
                        "runId = ?1 and scenarioId = ?2 and condition = ?3 and model = ?4",
                        item.runId(),
                        item.scenarioId(),
                        item.condition(),
                        item.model())
                .firstResultOptional();
    }

    /**
     * Marks the judged items of a batch with one JDBC batch of updates; an item already JUDGED is left as it is.
     * Returns how many items changed.
     */
    public int markJudged(List<JudgementRecorded> judgements) {
        if (judgements.isEmpty()) {
            return 0;
        }
        int[] changed = {0};
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update work_item set status = 'JUDGED',"
                    + " safety_score = ?, judgement_event_id = ?, updated_at = ?, failure_reason = null,"
                    + " failed_stage = null where run_id = ? and scenario_id = ? and condition_id = ? and model = ?"
                    + " and status <> 'JUDGED'")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (JudgementRecorded judgement : judgements) {
                    WorkItemId item = judgement.item();
                    update.setDouble(1, judgement.safetyScore());
                    update.setObject(2, judgement.eventId());
                    update.setTimestamp(3, now);
                    update.setString(4, item.runId());
                    update.setString(5, item.scenarioId());
                    update.setString(6, item.condition());
                    update.setString(7, item.model());
                    update.addBatch();
                }
                for (int count : update.executeBatch()) {
                    changed[0] += Math.max(count, 0);
                }
            }
        });
        return changed[0];
    }

    /** Stores new PENDING work items with one JDBC batch (multi-row inserts with the driver's rewrite). */
    public void insertPending(String runId, List<WorkItemId> ids, List<String> domains) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into work_item (id, run_id,"
                    + " scenario_id, condition_id, model, domain, status, attempts, updated_at)"
                    + " values (nextval('work_item_seq'), ?, ?, ?, ?, ?, 'PENDING', 1, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < ids.size(); i++) {
                    WorkItemId id = ids.get(i);
                    insert.setString(1, runId);
                    insert.setString(2, id.scenarioId());
                    insert.setString(3, id.condition());
                    insert.setString(4, id.model());
                    insert.setString(5, domains.get(i));
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                    if ((i + 1) % 1_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }

    /** Marks a pending item failed with its reason; true when it changed. */
    public boolean markFailed(WorkItemId item, String stage, String reason) {
        return update(
                        "status = ?1, failedStage = ?2, failureReason = ?3, updatedAt = ?4 where runId = ?5"
                                + " and scenarioId = ?6 and condition = ?7 and model = ?8 and status = ?9",
                        WorkItemStatus.FAILED,
                        stage,
                        reason,
                        Instant.now(),
                        item.runId(),
                        item.scenarioId(),
                        item.condition(),
                        item.model(),
                        WorkItemStatus.PENDING)
                > 0;
    }

    /** Items judged since a moment: the recent judging rate. */
    public long judgedSince(String runId, Instant since) {
        return count("runId = ?1 and status = ?2 and updatedAt >= ?3", runId, WorkItemStatus.JUDGED, since);
    }

    /** The failed items of a run, with their reasons, oldest first. */
    public List<WorkItemEntity> failures(String runId, int limit) {
        return find(
                        "runId = ?1 and status = ?2",
                        io.quarkus.panache.common.Sort.by("updatedAt"),
                        runId,
                        WorkItemStatus.FAILED)
                .page(0, limit)
                .list();
    }

    public Map<WorkItemStatus, Long> countByStatus(String runId) {
        Map<WorkItemStatus, Long> counts = new EnumMap<>(WorkItemStatus.class);
        for (WorkItemStatus status : WorkItemStatus.values()) {
            counts.put(status, 0L);
        }
        getEntityManager()
                .createQuery(
                        "select w.status, count(w) from WorkItemEntity w where w.runId = :run group by w.status",
                        Object[].class)
                .setParameter("run", runId)
                .getResultList()
                .forEach(row -> counts.put((WorkItemStatus) row[0], (Long) row[1]));
        return counts;
    }
}
