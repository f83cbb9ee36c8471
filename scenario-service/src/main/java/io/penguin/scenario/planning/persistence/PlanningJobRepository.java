package io.penguin.scenario.planning.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PlanningJobRepository implements PanacheRepositoryBase<PlanningJobEntity, String> {

    /** Jobs a crash left between storing and publishing. */
    public List<String> interrupted() {
        return list("status", PlanningJobStatus.PUBLISHING).stream()
                .map(job -> job.id)
                .toList();
    }
}
