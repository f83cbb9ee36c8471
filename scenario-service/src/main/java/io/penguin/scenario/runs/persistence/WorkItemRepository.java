package io.penguin.scenario.runs.persistence;

import io.penguin.contracts.WorkItemId;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

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
