package io.penguin.scenario.runs.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<RunEntity, String> {

    public List<RunEntity> recent(int limit) {
        return findAll(Sort.descending("createdAt")).page(0, limit).list();
    }

    /**
     * Locks the runs' rows until the transaction ends, in id order (so two transactions never wait on each other
     * crosswise). Every transaction that moves a run's items and then asks {@link #completeIfDone} takes this lock
     * first: otherwise two replicas recording a run's last items at the same moment each see the other's items still
     * pending (neither has committed), and neither completes the run.
     */
    public List<RunEntity> lockForProgress(Collection<String> ids) {
        return find("id in ?1", Sort.by("id"), ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
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
