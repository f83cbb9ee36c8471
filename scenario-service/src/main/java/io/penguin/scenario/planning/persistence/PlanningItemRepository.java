package io.penguin.scenario.planning.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class PlanningItemRepository implements PanacheRepository<PlanningItemEntity> {

    public List<PlanningItemEntity> ofJob(String planningId, PlanningItemStatus status) {
        return list("planningId = ?1 and status = ?2 order by id", planningId, status);
    }

    /** Marks one item FAILED with the reason; false when the job has no such scenario. */
    public boolean markFailed(String planningId, String scenarioId, String reason) {
        return update(
                        "status = ?1, failureReason = ?2, updatedAt = ?3 where planningId = ?4 and scenarioId = ?5",
                        PlanningItemStatus.FAILED,
                        reason,
                        Instant.now(),
                        planningId,
                        scenarioId)
                > 0;
    }

    /** Turns the job's FAILED items PENDING again (attempts + 1); returns how many. */
    public int retryFailed(String planningId) {
        return update(
                "status = ?1, failureReason = null, attempts = attempts + 1, updatedAt = ?2"
                        + " where planningId = ?3 and status = ?4",
                PlanningItemStatus.PENDING,
                Instant.now(),
                planningId,
                PlanningItemStatus.FAILED);
    }
}
