package io.penguin.scenario.runs.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * At start-up, re-publishes the pending items of runs that a crash left between storing and publishing their work
 * items, so no accepted run is lost. Runs in the background: the service is ready meanwhile.
 */
@ApplicationScoped
public class RunRecovery {

    private final RunService runs;

    public RunRecovery(RunService runs) {
        this.runs = runs;
    }

    void onStart(@Observes StartupEvent event) {
        Thread recovery = new Thread(this::recover, "run-recovery");
        recovery.setDaemon(true);
        recovery.start();
    }

    void recover() {
        try {
            for (String runId : runs.interruptedRuns()) {
                Log.infof("run %s was interrupted while publishing: re-publishing its pending items", runId);
                runs.resume(runId);
            }
        } catch (RuntimeException e) {
            Log.errorf("recovering interrupted runs failed: %s", e.getMessage());
        }
    }
}
