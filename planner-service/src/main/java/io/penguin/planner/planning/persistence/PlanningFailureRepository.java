package io.penguin.planner.planning.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class PlanningFailureRepository implements PanacheRepository<PlanningFailureEntity> {

    public List<PlanningFailureEntity> byPlanning(String planningId) {
        return list("planningId", Sort.by("scenarioId"), planningId);
    }

    /** Records (or, for a request failing again, updates) why a request was dead-lettered. */
    public void record(String planningId, String scenarioId, int total, String reason) {
        PlanningFailureEntity failure = find("planningId = ?1 and scenarioId = ?2", planningId, scenarioId)
                .firstResultOptional()
                .orElseGet(PlanningFailureEntity::new);
        failure.planningId = planningId;
        failure.scenarioId = scenarioId;
        failure.total = total;
        failure.reason = reason;
        failure.failedAt = Instant.now();
        persist(failure);
    }

    /** A request planned after all (re-driven) is no longer a failure. */
    public void forget(String planningId, String scenarioId) {
        delete("planningId = ?1 and scenarioId = ?2", planningId, scenarioId);
    }
}
