package io.penguin.scenario.planning.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * At start-up, publishes again the requests of planning jobs a crash left between storing and publishing, so no
 * accepted job is lost. Runs in the background: the service is ready meanwhile.
 */
@ApplicationScoped
public class PlanningRecovery {

    private final PlanningJobs jobs;

    public PlanningRecovery(PlanningJobs jobs) {
        this.jobs = jobs;
    }

    void onStart(@Observes StartupEvent event) {
        Thread recovery = new Thread(this::recover, "planning-recovery");
        recovery.setDaemon(true);
        recovery.start();
    }

    /** Re-publishes each interrupted job's pending requests; returns how many jobs it resumed. */
    public int recover() {
        int resumed = 0;
        try {
            for (String planningId : jobs.interrupted()) {
                Log.infof("planning %s was interrupted while publishing: publishing its pending requests", planningId);
                jobs.resume(planningId);
                resumed++;
            }
        } catch (RuntimeException e) {
            Log.errorf("recovering interrupted planning jobs failed: %s", e.getMessage());
        }
        return resumed;
    }
}
