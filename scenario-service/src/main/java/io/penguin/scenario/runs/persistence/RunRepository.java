package io.penguin.scenario.runs.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<RunEntity, String> {

    public List<RunEntity> recent(int limit) {
        return findAll(Sort.descending("createdAt")).page(0, limit).list();
    }

    /** Marks the run completed if no item is pending; true when this call completed it. */
    public boolean completeIfDone(String runId) {
        return update(
                        "status = ?1, completedAt = ?2 where id = ?3 and status = ?4 and not exists"
                                + " (select 1 from WorkItemEntity w where w.runId = ?3 and w.status = ?5)",
                        RunStatus.COMPLETED,
                        Instant.now(),
                        runId,
                        RunStatus.RUNNING,
                        WorkItemStatus.PENDING)
                > 0;
    }
}
