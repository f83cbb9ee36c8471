package io.penguin.planner.planning.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PlanRepository implements PanacheRepository<PlanEntity> {

    public Optional<PlanEntity> findByIdentity(String planningId, String scenarioId) {
        return find("planningId = ?1 and scenarioId = ?2", planningId, scenarioId)
                .firstResultOptional();
    }

    /** The scenario's current policy: its most recent plan. */
    public Optional<PlanEntity> current(String scenarioId) {
        return find("scenarioId", Sort.descending("plannedAt", "id"), scenarioId)
                .firstResultOptional();
    }

    public List<PlanEntity> byPlanning(String planningId) {
        return list("planningId", Sort.by("scenarioId"), planningId);
    }
}
